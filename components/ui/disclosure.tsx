"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

/**
 * A <details> disclosure whose open state is React's: opened by a click that landed before hydration,
 * it stays open when React takes over the markup, and a re-render never closes it behind the user's back.
 */
export function Disclosure({ summary, children, className, summaryClassName }: { summary: ReactNode; children: ReactNode; className?: string; summaryClassName?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // The server rendered it closed; if the user opened it before React took over, keep what they see.
  useLayoutEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}

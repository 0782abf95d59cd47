"use client";

import { useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

type Props = {
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  summaryClassName?: string;
  /** Open from the start (a form that came back with errors). */
  defaultOpen?: boolean;
  /**
   * When given, the content is rendered only while the disclosure is open, and this is what a browser without
   * JavaScript shows when it is opened. A list of many tasks then sends each task's folded forms only when the user
   * opens one (docs/decisions/016-folded-forms-render-when-opened.md).
   */
  withoutScript?: ReactNode;
};

/**
 * A <details> disclosure whose open state is React's: opened by a click that landed before hydration,
 * it stays open when React takes over the markup, and a re-render never closes it behind the user's back.
 */
export function Disclosure({ summary, children, className, summaryClassName, defaultOpen = false, withoutScript }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(defaultOpen);
  // False on the server and while hydrating, true after: once React runs, `withoutScript` is not shown.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  // The server rendered it closed; if the user opened it before React took over, keep what they see.
  useLayoutEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {withoutScript === undefined || open ? children : hydrated ? null : withoutScript}
    </details>
  );
}

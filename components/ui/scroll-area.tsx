import type { ReactNode } from "react";

/**
 * A horizontally scrollable area for a wide table on a narrow screen; focusable so it can be scrolled by keyboard.
 * `relative` makes it the containing block of visually hidden (absolutely positioned) text inside, which would
 * otherwise widen the page.
 */
export function ScrollArea({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}

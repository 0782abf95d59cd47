import type { ReactNode } from "react";

type Gap = "none" | "2" | "3";
const GAPS: Record<Gap, string | null> = { none: null, "2": "space-y-2", "3": "space-y-3" };
export const CARD = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/**
 * A section of a page named by its heading (aria-labelledby), plain or as a white card. `gap` spaces its children;
 * without it, the children set their own margins.
 */
export function Section({
  id,
  title,
  card = false,
  gap = "none",
  narrow = false,
  level = 2,
  children,
}: {
  id: string;
  title: ReactNode;
  card?: boolean;
  gap?: Gap;
  /** Limits the section to reading width (max-w-3xl). */
  narrow?: boolean;
  /** h3 for a section inside another section. */
  level?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const className = [narrow ? "max-w-3xl" : null, GAPS[gap], card ? CARD : null].filter(Boolean).join(" ") || undefined;
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className="text-xl font-semibold">
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A white card without a heading of its own. */
export function Card({ children }: { children: ReactNode }) {
  return <div className={CARD}>{children}</div>;
}

/** A note that something is missing or not started yet (amber box). */
export function Notice({ children }: { children: ReactNode }) {
  return <p className="rounded border border-amber-300 bg-amber-50 p-4">{children}</p>;
}

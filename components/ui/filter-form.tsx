import type { ReactNode } from "react";
import { SubmitButton, type ButtonVariant } from "@/components/ui/button";

type Frame = "none" | "bar" | "flat-bar" | "panel";
const FRAMES: Record<Frame, string> = {
  none: "",
  bar: "rounded-lg border border-slate-200 bg-white p-3 shadow-sm",
  "flat-bar": "rounded-lg border border-slate-200 bg-white p-3",
  panel: "rounded-lg border border-slate-200 bg-white p-4 shadow-sm",
};

/**
 * A filter bar: a plain GET form (works without JavaScript) with its fields in a row and a submit button
 * ("Visa" unless told). `printable={false}` hides it on paper.
 */
export function FilterForm({
  action,
  children,
  frame = "none",
  tight = false,
  printable = true,
  submitLabel = "Visa",
  submitVariant = "secondary",
}: {
  action?: string;
  children: ReactNode;
  frame?: Frame;
  /** A smaller gap, for a bar of a single select. */
  tight?: boolean;
  printable?: boolean;
  submitLabel?: string;
  submitVariant?: ButtonVariant;
}) {
  const className = [printable ? null : "no-print", "flex flex-wrap items-end", tight ? "gap-2" : "gap-3", FRAMES[frame]].filter(Boolean).join(" ");
  return (
    <form method="get" action={action} className={className}>
      {children}
      <SubmitButton variant={submitVariant}>{submitLabel}</SubmitButton>
    </form>
  );
}

/** A framed row of controls (a filter form beside other actions). */
export function Toolbar({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">{children}</div>;
}

import type { ReactNode, SelectHTMLAttributes } from "react";

type Width = "auto" | "limited" | "wide";
const SELECT_WIDTHS: Record<Width, string> = { auto: "", limited: "max-w-[16rem]", wide: "w-full sm:w-64" };
const WRAPPER_WIDTHS: Record<Width, string | undefined> = { auto: undefined, limited: undefined, wide: "basis-full sm:basis-auto" };

export type SelectLook = {
  /** Narrower side padding, as in the checklist's and the letters' pickers. */
  dense?: boolean;
  /** "limited" caps a long list at 16rem; "wide" fills a narrow screen and is 16rem from sm up. */
  width?: Width;
  /** The label in body size ("md") or small ("sm", the filter bars' default). */
  labelSize?: "sm" | "md";
};

/** A labelled select of a filter bar (a plain GET form): label above, the select below. */
export function Select({
  id,
  label,
  dense = false,
  width = "auto",
  labelSize = "sm",
  children,
  ...rest
}: SelectLook & { id: string; label: ReactNode; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className">) {
  const selectClass = ["mt-1", SELECT_WIDTHS[width], "rounded border border-slate-500 bg-white", dense ? "px-2 py-2" : "px-3 py-2"].filter(Boolean).join(" ");
  return (
    <div className={WRAPPER_WIDTHS[width]}>
      <label htmlFor={id} className={labelSize === "sm" ? "block text-sm font-medium" : "block font-medium"}>
        {label}
      </label>
      <select id={id} className={selectClass} {...rest}>
        {children}
      </select>
    </div>
  );
}

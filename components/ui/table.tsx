import type { ReactNode } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";

type Density = "normal" | "compact";
const CELLS: Record<Density, string> = { normal: "py-2 pr-3", compact: "px-2 py-1" };
const HEAD_ROWS: Record<Density, string> = { normal: "border-b-2 border-slate-300", compact: "border-b-2 border-slate-400" };
const MIN_WIDTHS = {
  "22rem": "min-w-[22rem]",
  "28rem": "min-w-[28rem]",
  "32rem": "min-w-[32rem]",
  "36rem": "min-w-[36rem]",
  "40rem": "min-w-[40rem]",
  "48rem": "min-w-[48rem]",
} as const;

/**
 * A ruled data table in a keyboard-scrollable area: column headers (scope=col), an optional caption for screen
 * readers, and the rows as children (use Row, Cell and RowHeader). Below its min width it scrolls sideways.
 */
export function DataTable({
  label,
  caption,
  columns,
  minWidth,
  density = "normal",
  white = false,
  className,
  footer,
  children,
}: {
  /** The scroll area's accessible name. */
  label: string;
  caption?: ReactNode;
  columns: ReactNode[];
  minWidth: keyof typeof MIN_WIDTHS;
  density?: Density;
  /** A white table background (for a table straight on the grey page). */
  white?: boolean;
  /** Margin of the scroll area, e.g. "mt-3". */
  className?: "mt-3";
  /** Rows of totals (FooterRow) under the body. */
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ScrollArea label={label} className={className}>
      <table className={`w-full ${MIN_WIDTHS[minWidth]} border-collapse ${white ? "bg-white " : ""}text-left text-sm`}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className={HEAD_ROWS[density]}>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={CELLS[density]}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </ScrollArea>
  );
}

/** A body row of a DataTable; `top` aligns cells of different heights at the top. */
export function Row({ top = false, children }: { top?: boolean; children: ReactNode }) {
  return <tr className={top ? "border-b border-slate-200 align-top" : "border-b border-slate-200"}>{children}</tr>;
}

/** A row of totals in a DataTable's footer. */
export function FooterRow({ children }: { children: ReactNode }) {
  return <tr className="border-t-2 border-slate-300 align-top">{children}</tr>;
}

type CellLook = { density?: Density; nowrap?: boolean };
const cellClass = ({ density = "normal", nowrap = false }: CellLook, extra?: string) => [CELLS[density], extra, nowrap ? "whitespace-nowrap" : null].filter(Boolean).join(" ");
const HIGHLIGHTS = { none: "", red: "bg-red-50", amber: "bg-amber-50" } as const;

/** A data cell of a DataTable; `highlight` tints a cell that needs attention (always said in words as well). */
export function Cell({ children, highlight, ...look }: CellLook & { highlight?: keyof typeof HIGHLIGHTS; children?: ReactNode }) {
  return <td className={highlight === undefined ? cellClass(look) : `${cellClass(look)} ${HIGHLIGHTS[highlight]}`}>{children}</td>;
}

const WEIGHTS = { bold: undefined, medium: "font-medium", normal: "font-normal" } as const;

/** The cell that names its row (scope=row); bold unless told. */
export function RowHeader({ children, weight = "bold", ...look }: CellLook & { weight?: keyof typeof WEIGHTS; children?: ReactNode }) {
  return (
    <th scope="row" className={cellClass(look, WEIGHTS[weight])}>
      {children}
    </th>
  );
}

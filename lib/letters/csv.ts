import { formatDateIso } from "../dates/cycle.ts";
import type { LetterOverview } from "./queries.ts";
import { STATE_LABELS } from "../tasks/module-tasks.ts";
import { DISPATCH_METHOD_LABELS, LETTER_NUMBERS } from "./schemas.ts";

export { STATE_LABELS } from "../tasks/module-tasks.ts";

/** One CSV cell: quoted when it holds the separator, a quote or a line break (RFC 4180, Swedish Excel's ";"). */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // A leading =, +, - or @ would make Excel run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, ";" between cells and CRLF between rows: what Excel with Swedish settings opens correctly. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

/** The verksamhet overview as rows: one per unit, with date, count, method and state of each letter. */
export function overviewCsv(overview: LetterOverview): string {
  const header = ["Område", "Enhet", ...LETTER_NUMBERS.flatMap((n) => [`Brukarbrev ${n} skickat`, `Brukarbrev ${n} antal`, `Brukarbrev ${n} sätt`, `Brukarbrev ${n} läge`])];
  const rows = overview.rows.map(({ unit, letters }) => [
    unit.area.name,
    unit.name,
    ...letters.flatMap((l) => [
      l.dispatch ? formatDateIso(l.dispatch.sentOn) : "",
      l.dispatch?.count ?? "",
      l.dispatch ? (l.dispatch.method === "OTHER" ? `${DISPATCH_METHOD_LABELS.OTHER}: ${l.dispatch.methodOther ?? ""}` : DISPATCH_METHOD_LABELS[l.dispatch.method]) : "",
      l.task ? STATE_LABELS[l.state] : "Ingår inte",
    ]),
  ]);
  return toCsv([header, ...rows]);
}

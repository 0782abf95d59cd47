/**
 * The filtered audit log of /logg as a sheet: when (Swedish wall-clock time), what, by whom, which unit and
 * record, and the record before and after as JSON text. Pure; tests/unit/xlsx.test.ts opens the workbook.
 */
import type { Sheet } from "../export/xlsx.ts";
import { auditActionLabel } from "./index.ts";
import type { listAuditEntriesForExport } from "./queries.ts";

type Entries = NonNullable<Awaited<ReturnType<typeof listAuditEntriesForExport>>>;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function auditSheet(entries: Entries): Sheet {
  return {
    name: "Händelselogg",
    columns: [
      { header: "Tidpunkt", kind: "datetime" },
      { header: "Händelse", kind: "text" },
      { header: "Av", kind: "text" },
      { header: "Enhet", kind: "text" },
      { header: "Typ", kind: "text" },
      { header: "Post-id", kind: "text" },
      { header: "Före", kind: "text", width: 60 },
      { header: "Efter", kind: "text", width: 60 },
    ],
    rows: entries.map((e) => [e.at, auditActionLabel(e.action), e.actor?.name ?? "systemet", e.unitName, e.entityType, e.entityId, json(e.before), json(e.after)]),
  };
}

import "server-only";
import { z } from "zod";
import { canAny } from "../auth/permissions.ts";
import { homeOrganisationFor } from "../auth/scope.ts";
import type { SessionUser } from "../auth/session-user.ts";
import * as clock from "../clock.ts";
import { getDb, type DbClient } from "../db/index.ts";
import { xlsxDownload, type Download } from "../export/download.ts";
import { sheetCsv } from "../letters/csv.ts";
import { formatDateIso } from "../dates/cycle.ts";
import { getWorkbookContent } from "./import.ts";
import { organisationSheets, TEMPLATE_HELP, type WorkbookContent } from "./workbook.ts";

export const WORKBOOK_MESSAGES = { forbidden: "Du har inte behörighet till verksamhetens organisation.", missing: "Organisationen finns inte för din roll." };

const SHEET_SLUGS = { omraden: 0, enheter: 1, anvandare: 2 } as const;
const paramsSchema = z.object({
  format: z.enum(["xlsx", "csv"]).catch("xlsx"),
  blad: z.enum(Object.keys(SHEET_SLUGS) as [keyof typeof SHEET_SLUGS]).catch("enheter"),
  mall: z.literal("1").optional().catch(undefined),
});

/**
 * The organisation's workbook (or the empty template) as .xlsx, or one sheet as CSV. The sheet Användare holds
 * e-mail addresses: it is filled only for a user who may manage users; for others it has its headers only.
 */
export async function organisationDownload(user: SessionUser, params: Record<string, string>, db: DbClient = getDb()): Promise<Download | null> {
  const organisationId = homeOrganisationFor(user, "organisation:read");
  if (!organisationId) return null;
  const { format, blad, mall } = paramsSchema.parse(params);
  const empty: WorkbookContent = { areas: [], units: [], users: [] };
  const content = mall ? empty : await getWorkbookContent(organisationId, db);
  if (!canAny(user, "user:manage")) content.users = [];
  const sheets = organisationSheets(content);
  const base = mall ? "organisation-mall" : `organisation-${formatDateIso(clock.today())}`;
  if (format === "csv") return { filename: `${base}-${blad}.csv`, type: "csv", body: sheetCsv(sheets[SHEET_SLUGS[blad]]!) };
  return xlsxDownload(base, mall ? [...sheets, TEMPLATE_HELP] : sheets);
}

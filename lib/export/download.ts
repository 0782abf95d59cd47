import "server-only";
import { canAny, type Action } from "../auth/permissions.ts";
import { getSessionUser } from "../auth/session.ts";
import type { SessionUser } from "../auth/session-user.ts";
import * as clock from "../clock.ts";
import { buildWorkbook, type Sheet } from "./xlsx.ts";

export type Download = { filename: string; type: "csv" | "xlsx" | "svg" | "png"; body: string | Uint8Array<ArrayBuffer> };

const CONTENT_TYPES: Record<Download["type"], string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
};

const plain = (message: string, status: number) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The one shape of a file download route: 401 when signed out, 403 without `action` anywhere, 404 with `missing`
 * when `make` finds nothing in the user's scope, else the file, never cached. `make` scopes its own query.
 */
export async function downloadResponse(action: Action, messages: { forbidden: string; missing: string }, make: (user: SessionUser) => Promise<Download | null>): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return plain("Logga in för att ladda ner filen.", 401);
  if (!canAny(user, action)) return plain(messages.forbidden, 403);
  const file = await make(user);
  if (!file) return plain(messages.missing, 404);
  return new Response(file.body, {
    headers: {
      "Content-Type": CONTENT_TYPES[file.type],
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A workbook of the given sheets as a download named `basename`.xlsx, stamped with the clock's now. */
export async function xlsxDownload(basename: string, sheets: Sheet[]): Promise<Download> {
  return { filename: `${basename}.xlsx`, type: "xlsx", body: await buildWorkbook(sheets, clock.now()) };
}

/** The query string of a route's request as a plain object, for the page's own zod schema. */
export const searchParamsOf = (request: Request): Record<string, string> => Object.fromEntries(new URL(request.url).searchParams);

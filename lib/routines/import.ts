import type { DbClient, Prisma } from "../db/index.ts";
import type { RoutineStatus } from "../db/generated/enums.ts";
import { dateFromIso } from "../dates/cycle.ts";
import { z } from "zod";
import { ACTIVITY_FIELD_LABELS, VERSION_FIELD_LABELS } from "./labels.ts";
import { countRoutineActivities, ROUTINE_UPLOAD, routineDocumentSchema, type RoutineDocument } from "./schemas.ts";
import { countProblem } from "../uploads.ts";
import { identityNumberPaths } from "../personal-data.ts";

const parseIsoDate = (value: string | null): Date | null => (value ? dateFromIso(value) : null);

type ActivityRow = Prisma.ActivityTemplateGetPayload<object>;

/** An activity's content as a document, the editor's form or a stored row has it (what is not stated may be absent). */
export type ActivityContent = Pick<ActivityRow, "title" | "responsibleRole" | "timing" | "startMonth" | "endMonth" | "scope" | "kind"> &
  Partial<Pick<ActivityRow, "shortName" | "description" | "letterNumber" | "templateRef" | "note">>;

/** The stored columns of an activity's content: absent text and numbers are stored as null. */
export function activityColumns(a: ActivityContent) {
  return {
    title: a.title,
    shortName: a.shortName ?? null,
    description: a.description ?? null,
    responsibleRole: a.responsibleRole,
    timing: a.timing,
    startMonth: a.startMonth,
    endMonth: a.endMonth,
    scope: a.scope,
    kind: a.kind,
    letterNumber: a.letterNumber ?? null,
    templateRef: a.templateRef ?? null,
    note: a.note ?? null,
  };
}

/**
 * Writes a validated routine document as a new version of its routine (creating the routine if needed).
 * The caller validates with routineDocumentSchema first and runs this inside a transaction.
 */
export async function writeRoutineVersion(
  db: DbClient,
  organisationId: string,
  doc: RoutineDocument,
  options: { status: RoutineStatus; publishedAt?: Date | null },
) {
  const routine = await db.routine.upsert({
    where: { organisationId_key: { organisationId, key: doc.key } },
    create: { organisationId, key: doc.key, title: doc.title, colour: doc.colour, startMonth: doc.startMonth ?? 1 },
    update: {},
  });
  const latest = await db.routineVersion.findFirst({ where: { routineId: routine.id }, orderBy: { version: "desc" } });
  const version = await db.routineVersion.create({
    data: {
      routineId: routine.id,
      version: (latest?.version ?? 0) + 1,
      status: options.status,
      title: doc.title,
      decidedBy: doc.version.decidedBy,
      decidedOn: parseIsoDate(doc.version.decidedOn),
      documentOwner: doc.version.documentOwner,
      validUntil: parseIsoDate(doc.version.validUntil),
      replacesText: doc.version.replacesText,
      replacesVersionId: latest?.id ?? null,
      purpose: doc.version.purpose,
      publishedAt: options.publishedAt ?? null,
    },
  });
  const phaseIds = new Map<string, string>();
  for (const [position, phase] of doc.phases.entries()) {
    const row = await db.phase.create({ data: { routineVersionId: version.id, key: phase.key, name: phase.name, position } });
    phaseIds.set(phase.key, row.id);
  }
  await db.activityTemplate.createMany({
    data: doc.activities.map((a, position) => ({
      routineVersionId: version.id,
      phaseId: phaseIds.get(a.phase)!,
      key: a.key,
      position,
      ...activityColumns(a),
      ...(a.reminderOffsets ? { reminderOffsets: a.reminderOffsets } : {}),
    })),
  });
  return { routine, version };
}

// ─── Reading a routine file before anything is written ───────────────────────

/** Where a JSON text first breaks the grammar (an index into the text), or null when it is valid JSON. */
export function jsonErrorPosition(text: string): number | null {
  let i = 0;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < " ") fail();
      i += c === "\\" ? 2 : 1;
    }
    fail();
  };
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === ",") i++;
      else if (text[i] === close) return void i++;
      else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      return list("}", () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
      });
    }
    if (c === "[") return list("]", value);
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) fail();
    i += match![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return null;
  } catch (position) {
    return typeof position === "number" ? Math.min(position, text.length) : null;
  }
}

function lineAndColumn(text: string, position: number) {
  const before = text.slice(0, position).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** "Aktivitet 4 (brukarbrev-1), startmånad" for a zod issue path in a routine document. */
export function describeDocumentPath(doc: unknown, path: PropertyKey[]): string {
  const [head, index, field] = path;
  const raw = doc as { activities?: { key?: unknown }[] } | null;
  if (head === "activities" && typeof index === "number") {
    const key = raw?.activities?.[index]?.key;
    const name = `Aktivitet ${index + 1}${typeof key === "string" ? ` (${key})` : ""}`;
    return field === undefined ? name : `${name}, ${ACTIVITY_FIELD_LABELS[String(field)] ?? String(field)}`;
  }
  if (head === "activities") return "Aktiviteterna";
  if (head === "phases" && typeof index === "number") return `Fas ${index + 1}${field === "name" ? ", namn" : field === "key" ? ", nyckel" : ""}`;
  if (head === "phases") return "Faserna";
  if (head === "version") return index === undefined ? "Versionsuppgifterna" : `Versionsuppgifter, ${VERSION_FIELD_LABELS[String(index)] ?? String(index)}`;
  if (head === undefined) return "Filen";
  return VERSION_FIELD_LABELS[String(head)] ? VERSION_FIELD_LABELS[String(head)]!.replace(/^./, (c) => c.toUpperCase()) : String(head);
}

export type ParsedRoutine = { ok: true; document: RoutineDocument } | { ok: false; message: string; problems: string[] };

const MAX_PROBLEMS = 15;

/** Parses and validates a routine file completely; on failure says where, in Swedish, and nothing is written. */
export function parseRoutineJson(text: string): ParsedRoutine {
  if (text.trim() === "") return { ok: false, message: "Det finns ingen text att importera: klistra in JSON eller välj en fil.", problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const position = jsonErrorPosition(text) ?? text.length;
    const { line, column } = lineAndColumn(text, position);
    return { ok: false, message: `Texten är inte giltig JSON: fel på rad ${line}, tecken ${column}.`, problems: [] };
  }
  // Every text of the document as it will be stored, escapes decoded (\u0031 is a 1): lib/personal-data.ts.
  const identified = identityNumberPaths(raw);
  if (identified.length > 0) {
    return { ok: false, message: `Rutinen innehåller något som ser ut som ett personnummer eller samordningsnummer. Ta bort uppgiften och importera igen. Inget har sparats.`, problems: identified.slice(0, MAX_PROBLEMS).map((path) => describeDocumentPath(raw, path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)))) };
  }
  // Counted before the schema: 6 000 activities took seconds to validate and store.
  const tooMany = countProblem(ROUTINE_UPLOAD.limits, countRoutineActivities(text));
  if (tooMany) return { ok: false, message: tooMany, problems: [] };
  const parsed = routineDocumentSchema.safeParse(raw, { error: z.locales.sv().localeError });
  if (parsed.success) return { ok: true, document: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${describeDocumentPath(raw, issue.path)}: ${issue.message}`);
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`… och ${problems.length - MAX_PROBLEMS} fel till.`);
  return { ok: false, message: `Rutinen kunde inte läsas in: ${problems.length === 1 ? "ett fel" : `${problems.length} fel`}. Inget har sparats.`, problems: shown };
}

import { MONTH_NAMES } from "../dates/cycle.ts";
import { ACTIVITY_FIELD_LABELS, KIND_LABELS, ROLE_LABELS, SCOPE_LABELS, TIMING_LABELS, VERSION_FIELD_LABELS } from "./labels.ts";
import type { RoutineDocument } from "./schemas.ts";

type Activity = RoutineDocument["activities"][number];

export type FieldChange = { field: string; label: string; before: string; after: string };
export type ActivitySummary = { key: string; title: string; phase: string };
export type ActivityChange = ActivitySummary & { changes: FieldChange[] };

export type VersionDiff = {
  metadata: FieldChange[];
  phases: { added: string[]; removed: string[]; renamed: FieldChange[]; reordered: boolean };
  activities: { added: ActivitySummary[]; removed: ActivitySummary[]; changed: ActivityChange[]; unchanged: number };
  identical: boolean;
};

const ACTIVITY_FIELDS = [
  "phase", "title", "shortName", "description", "responsibleRole", "timing", "startMonth", "endMonth",
  "scope", "kind", "letterNumber", "templateRef", "note",
] as const satisfies readonly (keyof Activity)[];

const METADATA_FIELDS = ["title", "decidedBy", "decidedOn", "documentOwner", "validUntil", "replacesText", "purpose"] as const;

function show(field: string, value: unknown, phaseNames: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return field === "validUntil" ? "tills vidare" : "–";
  switch (field) {
    case "phase":
      return phaseNames.get(String(value)) ?? String(value);
    case "responsibleRole":
      return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? String(value);
    case "timing":
      return TIMING_LABELS[value as keyof typeof TIMING_LABELS] ?? String(value);
    case "scope":
      return SCOPE_LABELS[value as keyof typeof SCOPE_LABELS] ?? String(value);
    case "kind":
      return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? String(value);
    case "startMonth":
    case "endMonth":
      return MONTH_NAMES[Number(value) - 1] ?? String(value);
    default:
      return String(value);
  }
}

const summary = (a: Activity, phaseNames: Map<string, string>): ActivitySummary => ({
  key: a.key,
  title: a.title,
  phase: phaseNames.get(a.phase) ?? a.phase,
});

/**
 * What changed from version a to version b. Activities are matched by their stable key, so a renamed
 * activity shows as changed, not as removed and added; phases are compared by key and shown by name.
 */
export function diffRoutineDocuments(a: RoutineDocument, b: RoutineDocument): VersionDiff {
  const namesA = new Map(a.phases.map((p) => [p.key, p.name]));
  const namesB = new Map(b.phases.map((p) => [p.key, p.name]));

  const metadata: FieldChange[] = [];
  for (const field of METADATA_FIELDS) {
    const before = field === "title" ? a.title : a.version[field];
    const after = field === "title" ? b.title : b.version[field];
    if ((before ?? null) !== (after ?? null)) {
      metadata.push({ field, label: VERSION_FIELD_LABELS[field]!, before: show(field, before, namesA), after: show(field, after, namesB) });
    }
  }

  const phases = {
    added: b.phases.filter((p) => !namesA.has(p.key)).map((p) => p.name),
    removed: a.phases.filter((p) => !namesB.has(p.key)).map((p) => p.name),
    renamed: b.phases
      .filter((p) => namesA.has(p.key) && namesA.get(p.key) !== p.name)
      .map((p) => ({ field: p.key, label: "namn", before: namesA.get(p.key)!, after: p.name })),
    reordered: (() => {
      const common = (list: RoutineDocument["phases"], other: Map<string, string>) => list.filter((p) => other.has(p.key)).map((p) => p.key).join("/");
      return common(a.phases, namesB) !== common(b.phases, namesA);
    })(),
  };

  const byKeyA = new Map(a.activities.map((x) => [x.key, x]));
  const byKeyB = new Map(b.activities.map((x) => [x.key, x]));
  const changed: ActivityChange[] = [];
  let unchanged = 0;
  for (const after of b.activities) {
    const before = byKeyA.get(after.key);
    if (!before) continue;
    const changes = ACTIVITY_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((f) => ({
      field: f,
      label: ACTIVITY_FIELD_LABELS[f]!,
      before: show(f, before[f], namesA),
      after: show(f, after[f], namesB),
    }));
    if (changes.length > 0) changed.push({ ...summary(after, namesB), changes });
    else unchanged++;
  }
  const activities = {
    added: b.activities.filter((x) => !byKeyA.has(x.key)).map((x) => summary(x, namesB)),
    removed: a.activities.filter((x) => !byKeyB.has(x.key)).map((x) => summary(x, namesA)),
    changed,
    unchanged,
  };
  const identical =
    metadata.length === 0 && phases.added.length + phases.removed.length + phases.renamed.length === 0 && !phases.reordered &&
    activities.added.length + activities.removed.length + activities.changed.length === 0;
  return { metadata, phases, activities, identical };
}

import { FilterForm } from "@/components/ui/filter-form";
import { Link } from "@/components/ui/link";
import { Select } from "@/components/ui/select";
import { YearPicker } from "@/components/ui/year-picker";
import { LiveCount } from "./live-counts";
import type { ChecklistGroup } from "@/lib/tasks/queries";
import { CHECKLIST_FILTER_LABELS, CHECKLIST_FILTERS, type ChecklistFilter, type ChecklistView } from "@/lib/tasks/schemas";

/** The checklist's address for a unit, year, filter and view ("mina" is the default and left out). */
export function checklistHref(enhet: string | undefined, year: number, filter: ChecklistFilter = "alla", view: ChecklistView = "mina") {
  const params = new URLSearchParams();
  if (enhet) params.set("enhet", enhet);
  params.set("ar", String(year));
  if (filter !== "alla") params.set("filter", filter);
  if (view !== "mina") params.set("visa", view);
  return `/checklista?${params.toString()}`;
}

// Named in app/globals.css: the pills are in the page's HTML and again in its payload.
const pill = (chosen: boolean) => (chosen ? "pill pill-on" : "pill");

/** "Mina uppgifter" (what the user's roles may change) or the whole list: two links, so it works without JavaScript. */
export function ViewSwitch({ enhet, year, filter, view, counts }: { enhet: string; year: number; filter: ChecklistFilter; view: ChecklistView; counts: Record<ChecklistView, number> }) {
  const labels: Record<ChecklistView, string> = { mina: "Uppgifter jag kan ändra", enhet: "Hela listan" };
  return (
    <nav aria-label="Visa uppgifter">
      <ul className="flex flex-wrap gap-2">
        {(["mina", "enhet"] as const).map((v) => (
          <li key={v}>
            <Link href={checklistHref(enhet, year, filter, v)} aria-current={v === view ? "page" : undefined} className={pill(v === view)}>
              {labels[v]} ({counts[v]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Option groups: what the user can tick first, then the rest by område. */
function optionGroups(groups: ChecklistGroup[]) {
  const result = new Map<string, ChecklistGroup[]>();
  for (const g of groups) {
    const label = g.editable ? "Dina checklistor" : g.areaName ? `${g.areaName} (läsa)` : "Verksamheten (läsa)";
    result.set(label, [...(result.get(label) ?? []), g]);
  }
  return [...result.entries()];
}

/** Choice of unit and cycle year: a plain GET form, so it works without JavaScript. */
export function ChecklistSwitch({ groups, group, years, year, yearNotes, filter, view }: {
  groups: ChecklistGroup[];
  group: ChecklistGroup | null;
  years: number[];
  year: number;
  /** After each year: its months and whether it is avslutad, pågår or kommande (lib/dates/cycle.ts describeCycleYear). */
  yearNotes: Record<number, string>;
  filter: ChecklistFilter;
  view: ChecklistView;
}) {
  const grouped = optionGroups(groups);
  return (
    <FilterForm action="/checklista" frame="bar" submitVariant="primary">
      {filter !== "alla" && <input type="hidden" name="filter" value={filter} />}
      {view !== "mina" && <input type="hidden" name="visa" value={view} />}
      <Select id="val-enhet" name="enhet" label="Enhet" defaultValue={group?.key} dense width="wide">
        {grouped.map(([label, options]) =>
          grouped.length === 1 ? (
            options.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)
          ) : (
            <optgroup key={label} label={label}>
              {options.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </Select>
      <YearPicker
        id="val-ar"
        label="Cykel"
        years={years}
        value={String(year)}
        dense
        describe={(y) => yearNotes[y] ?? ""}
      />
    </FilterForm>
  );
}

/** Filter links with counts; the chosen one is marked for screen readers with aria-current. */
export function FilterNav({ enhet, year, filter, view, counts }: { enhet?: string; year: number; filter: ChecklistFilter; view: ChecklistView; counts: Record<ChecklistFilter, number> }) {
  return (
    <nav aria-label="Filtrera uppgifterna">
      <ul className="flex flex-wrap gap-2">
        {CHECKLIST_FILTERS.map((f) => (
          <li key={f}>
            <Link
              href={checklistHref(enhet, year, f, view)}
              aria-current={f === filter ? "page" : undefined}
              className={pill(f === filter)}
            >
              {CHECKLIST_FILTER_LABELS[f]} (<LiveCount filter={f} count={counts[f]} />)
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

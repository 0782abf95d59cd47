import { FilterForm } from "@/components/ui/filter-form";
import { YearPicker } from "@/components/ui/year-picker";
import type { Dashboard } from "@/lib/dashboard/queries";
import { NO_COMPARISON } from "@/lib/dashboard/schemas";

/** Year and comparison year as a plain GET form (?ar=&jamfor=) that works without JavaScript. */
export function DashboardFilters({ data }: { data: Dashboard }) {
  if (data.years.length < 2) return null;
  return (
    <FilterForm action="/oversikt" printable={false}>
      <YearPicker id="oversikt-ar" years={data.years} value={data.year ?? undefined} describe={(y) => data.yearNotes[y] ?? ""} />
      <YearPicker
        id="oversikt-jamfor"
        name="jamfor"
        label="Jämför med"
        years={data.years.filter((y) => y !== data.year)}
        value={data.compareYear ?? NO_COMPARISON}
        emptyOption={{ value: NO_COMPARISON, label: "Ingen jämförelse" }}
      />
    </FilterForm>
  );
}

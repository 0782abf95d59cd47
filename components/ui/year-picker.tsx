import { Select, type SelectLook } from "@/components/ui/select";
import { FilterForm } from "@/components/ui/filter-form";

/** The year (cycle) select of a filter bar: one option per year, optionally a first "all"/"none" option. */
export function YearPicker({
  id = "ar",
  name = "ar",
  label = "År",
  years,
  value,
  emptyOption,
  describe,
  ...look
}: SelectLook & {
  id?: string;
  name?: string;
  label?: string;
  years: number[];
  value: number | string | undefined;
  /** An option before the years, e.g. { value: "", label: "Alla" }. */
  emptyOption?: { value: string; label: string };
  /** Text after a year, e.g. " (pågår)". */
  describe?: (year: number) => string;
}) {
  return (
    <Select id={id} name={name} label={label} defaultValue={value} {...look}>
      {emptyOption && <option value={emptyOption.value}>{emptyOption.label}</option>}
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
          {describe?.(y)}
        </option>
      ))}
    </Select>
  );
}

/** A filter bar of just the year, hidden on paper; nothing when there is only one year to show. */
export function YearFilter({ years, year, action, label = "År" }: { years: number[]; year: number; action: string; label?: string }) {
  if (years.length < 2) return null;
  return (
    <FilterForm action={action} tight printable={false}>
      <YearPicker years={years} value={year} label={label} />
    </FilterForm>
  );
}

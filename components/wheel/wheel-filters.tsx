import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";
import { YearPicker } from "@/components/ui/year-picker";
import type { WheelData } from "@/lib/wheel/data";

/**
 * Year (cycle) and unit, as a plain GET form (?ar=&enhet=) that works without JavaScript. The verksamhet's
 * managers may choose all units; a unit's own people switch between their units (no choice with only one).
 */
export function WheelFilters({ data, action = "/arshjul", keep = {} }: { data: WheelData; action?: string; /** Other settings of the page's query string (its view and layers) the form carries on. */ keep?: Record<string, string> }) {
  const areas = [...new Set(data.units.map((u) => u.areaName))];
  const unitChoice = data.scope === "verksamhet" || data.units.length > 1;
  return (
    <FilterForm action={action} printable={false}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <YearPicker id="wheel-year" years={data.years.length > 0 ? data.years : [data.year]} value={data.year} />
      {unitChoice && (
        <Select id="wheel-unit" name="enhet" label="Enhet" defaultValue={data.unit?.id ?? ""} width="limited">
          {data.scope === "verksamhet" && <option value="">Alla enheter</option>}
          {areas.map((area) => (
            <optgroup key={area} label={area}>
              {data.units
                .filter((u) => u.areaName === area)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      )}
    </FilterForm>
  );
}

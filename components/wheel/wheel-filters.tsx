import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";
import { YearPicker } from "@/components/ui/year-picker";
import { plural } from "@/lib/plural";
import { WHEEL_UNIT_PICKER_LIMIT, type WheelData } from "@/lib/wheel/data";

/**
 * Year (cycle) and unit, as a plain GET form (?ar=&enhet=) that works without JavaScript. The verksamhet's
 * managers may choose all units; a unit's own people switch between their units (no choice with only one). Above
 * WHEEL_UNIT_PICKER_LIMIT units the form has an area picker (?omrade=) and the unit picker lists that area's units only
 * (the chosen unit's area): another area's units are one "Visa" away, and a page does not carry every unit.
 */
export function WheelFilters({ data, action = "/arshjul", keep = {} }: { data: WheelData; action?: string; /** Other settings of the page's query string (its view and layers) the form carries on. */ keep?: Record<string, string> }) {
  const unitChoice = data.scope === "verksamhet" || data.units.length > 1;
  const byArea = data.units.length > WHEEL_UNIT_PICKER_LIMIT;
  const areaUnits = new Map<string, { id: string; name: string; units: number }>();
  for (const u of data.units) {
    const area = areaUnits.get(u.areaId) ?? areaUnits.set(u.areaId, { id: u.areaId, name: u.areaName, units: 0 }).get(u.areaId)!;
    area.units += 1;
  }
  const listed = byArea ? data.units.filter((u) => u.areaId === data.pickerArea) : data.units;
  const areas = [...new Set(listed.map((u) => u.areaName))];
  return (
    <FilterForm action={action} printable={false}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <YearPicker id="wheel-year" years={data.years.length > 0 ? data.years : [data.year]} value={data.year} />
      {unitChoice && byArea && (
        <Select id="wheel-area" name="omrade" label="Område" defaultValue={data.pickerArea ?? ""} width="limited">
          {data.pickerArea === null && <option value="">Välj område</option>}
          {[...areaUnits.values()].map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.name} (${plural(a.units, "enhet", "enheter")})`}
            </option>
          ))}
        </Select>
      )}
      {unitChoice && (
        <Select id="wheel-unit" name="enhet" label="Enhet" defaultValue={data.unit?.id ?? ""} width="limited">
          {data.scope === "verksamhet" && <option value="">Alla enheter</option>}
          {areas.map((area) => (
            <optgroup key={area} label={area}>
              {listed
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

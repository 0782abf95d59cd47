import type { WheelData } from "@/lib/wheel/data";

/** Year (cycle) and unit, as a plain GET form (?ar=&enhet=) that works without JavaScript. */
export function WheelFilters({ data }: { data: WheelData }) {
  const areas = [...new Set(data.units.map((u) => u.areaName))];
  return (
    <form method="get" action="/arshjul" className="no-print flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="wheel-year" className="block text-sm font-medium">
          År
        </label>
        <select id="wheel-year" name="ar" defaultValue={data.year} className="mt-1 rounded border border-slate-500 bg-white px-3 py-2">
          {(data.years.length > 0 ? data.years : [data.year]).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="wheel-unit" className="block text-sm font-medium">
          Enhet
        </label>
        <select id="wheel-unit" name="enhet" defaultValue={data.unit?.id ?? ""} className="mt-1 max-w-[16rem] rounded border border-slate-500 bg-white px-3 py-2">
          <option value="">Alla enheter</option>
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
        </select>
      </div>
      <button type="submit" className="rounded border border-blue-800 bg-white px-3 py-2 font-semibold text-blue-900 hover:bg-blue-50">
        Visa
      </button>
    </form>
  );
}

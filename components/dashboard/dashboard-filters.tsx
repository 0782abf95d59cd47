import type { Dashboard } from "@/lib/dashboard/queries";
import { NO_COMPARISON } from "@/lib/dashboard/schemas";

const select = "mt-1 rounded border border-slate-500 bg-white px-3 py-2";

/** Year and comparison year as a plain GET form (?ar=&jamfor=) that works without JavaScript. */
export function DashboardFilters({ data }: { data: Dashboard }) {
  if (data.years.length < 2) return null;
  return (
    <form method="get" action="/oversikt" className="no-print flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="oversikt-ar" className="block text-sm font-medium">
          År
        </label>
        <select id="oversikt-ar" name="ar" defaultValue={data.year ?? undefined} className={select}>
          {data.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="oversikt-jamfor" className="block text-sm font-medium">
          Jämför med
        </label>
        <select id="oversikt-jamfor" name="jamfor" defaultValue={data.compareYear ?? NO_COMPARISON} className={select}>
          <option value={NO_COMPARISON}>Ingen jämförelse</option>
          {data.years
            .filter((y) => y !== data.year)
            .map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-blue-800 bg-white px-3 py-2 font-semibold text-blue-900 hover:bg-blue-50">
        Visa
      </button>
    </form>
  );
}

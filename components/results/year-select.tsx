/** A plain GET form to pick the year; works without JavaScript. */
export function YearSelect({ years, year, action, label = "År" }: { years: number[]; year: number; action: string; label?: string }) {
  if (years.length < 2) return null;
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="ar" className="block text-sm font-medium">
          {label}
        </label>
        <select id="ar" name="ar" defaultValue={year} className="mt-1 rounded border border-slate-500 bg-white px-3 py-2">
          {years.map((y) => (
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

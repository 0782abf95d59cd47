import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-bold text-blue-900 no-underline hover:underline">
          Årshjulet
        </Link>
        <nav aria-label="Huvudmeny" className="no-print">
          <ul className="flex flex-wrap gap-4 text-sm">
            <li>
              <Link href="/" className="text-blue-800 underline-offset-4 hover:underline">
                Rutiner
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

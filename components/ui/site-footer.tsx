import { Link } from "@/components/ui/link";
import { APP_VERSION } from "@/lib/version";

export function SiteFooter() {
  return (
    <footer className="no-print border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-sm text-slate-700 sm:px-6">
        <p>Årshjulet – hemtjänstens kvalitetsrutiner över året. Inga namn eller adresser på brukare lagras här.</p>
        <p className="flex flex-wrap items-center gap-x-4">
          <Link href="/tillganglighet" className="text-blue-800 underline underline-offset-4">
            Tillgänglighetsredogörelse
          </Link>
          <span>{`Version ${APP_VERSION}`}</span>
        </p>
      </div>
    </footer>
  );
}

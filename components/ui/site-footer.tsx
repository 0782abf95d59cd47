export function SiteFooter() {
  return (
    <footer className="no-print border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700 sm:px-6">
        <p>Årshjulet – hemtjänstens kvalitetsrutiner över året. Inga namn eller adresser på brukare lagras här.</p>
      </div>
    </footer>
  );
}

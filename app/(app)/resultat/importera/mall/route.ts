import { canAny } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getResultUnits } from "@/lib/results/queries";

export const dynamic = "force-dynamic";

/** The import template for Excel: semicolons, decimal commas and a UTF-8 BOM, with the verksamhet's own unit names. */
export async function GET() {
  const user = await getSessionUser();
  // Signed out: 401, as every other route answers (issue 30); signed in without the right: 403.
  if (!user) return new Response("Logga in för att ladda ner filen.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!canAny(user, "results:import")) return new Response("Du har inte behörighet.", { status: 403 });
  const units = await getResultUnits(user);
  const lines = [
    "indikator;enhet;år;värde;antal_svar;svarsfrekvens",
    ...units.slice(0, 2).map((u) => `helhetssyn;${u.name};2026;87,5;32;58`),
    "helhetssyn;Kommunen;2026;85,1;1450;57",
    "helhetssyn;Riket;2026;87;;",
  ];
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="resultat-mall.csv"' },
  });
}

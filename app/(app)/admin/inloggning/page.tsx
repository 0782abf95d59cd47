import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { FlashMessage } from "@/components/ui/status-message";
import { Cell, DataTable, Row, RowHeader } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { getEnv, oidcConfig, passwordSignIn } from "@/lib/env";
import { FLASH_PARAM, flashText } from "@/lib/flash";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { DIRECTORY_TEXTS, listDirectoryMappings, type DirectoryMappingList } from "@/lib/users/directory-mappings";
import { WHOLE_VERKSAMHET } from "@/lib/users/schemas";
import { atSentenceStart } from "@/lib/users/sign-in-texts";
import { createDirectoryMappingAction, removeDirectoryMappingAction } from "./actions";

export const metadata: Metadata = { title: "Inloggning" };
export const dynamic = "force-dynamic";

const passwordText = (mode: "on" | "off" | "break-glass", name: string) =>
  ({
    on: "På: användare med lösenord kan logga in med e-post och lösenord.",
    off: `Av (AUTH_PASSWORD_SIGN_IN=off): alla loggar in med ${name}.`,
    "break-glass": "Av, men nödinloggningen är på (AUTH_BREAK_GLASS=on): bara en administratör kan logga in med lösenord.",
  })[mode];

function scopeText(row: DirectoryMappingList["rows"][number]): string {
  if (row.unit) return row.unit.active ? row.unit.name : `${row.unit.name} (stängd: ger ingen roll)`;
  if (row.area) return `Alla öppna enheter i ${row.area.name}`;
  return "Hela verksamheten";
}

export default async function SignInSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("user:manage");
  const list = (await listDirectoryMappings(actor))!;
  const flash = flashText(DIRECTORY_TEXTS, (await searchParams)[FLASH_PARAM]);
  const env = getEnv();
  const oidc = oidcConfig(env);
  const name = env.OIDC_DISPLAY_NAME;
  const claim = oidc ? env.OIDC_ROLES_CLAIM : undefined;
  return (
    <div className="space-y-6">
      <PageHeader size="page" title="Inloggning" description={<>Hur man loggar in i Årshjulet, och vilka roller {name} ger. Inställningarna görs i serverns miljövariabler (se drift.md); tabellen nedan sköter du här.</>} />
      <FlashMessage message={flash?.text} error={flash?.error} keepRegion />

      <Section id="satt-att-logga-in" title="Sätt att logga in" card>
        <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{atSentenceStart(name)}</dt>
          <dd>{oidc ? "På." : "Inte inställd (OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET saknas)."}</dd>
          <dt className="font-medium">Lösenord</dt>
          <dd>{passwordText(oidc ? passwordSignIn(env) : "on", name)}</dd>
          <dt className="font-medium">Kommunens domäner</dt>
          <dd>{env.OIDC_ALLOWED_EMAIL_DOMAINS.length > 0 ? env.OIDC_ALLOWED_EMAIL_DOMAINS.join(", ") : "Inga (OIDC_ALLOWED_EMAIL_DOMAINS): bara konton med bekräftad e-postadress kopplas."}</dd>
          <dt className="font-medium">Roller från katalogen</dt>
          <dd>{claim ? `På: anspråket ”${claim}” läses vid varje inloggning.` : "Av (OIDC_ROLES_CLAIM är inte satt): roller ges för hand eller med arbetsboken."}</dd>
        </dl>
      </Section>

      <Section id="roller-fran-katalogen" title="Roller från katalogen" card gap="3">
        <p className="max-w-3xl text-slate-700">
          Varje rad ger en roll till den vars konto i {name} har värdet i anspråket{claim ? ` ”${claim}”` : ""}. Vid varje inloggning
          sätts användarens roller från katalogen till vad raderna ger då; roller som du har gett för hand rörs inte. En ny
          användare i kommunens domäner skapas vid första inloggningen om minst en rad ger hen en roll. Ett värde utan rad ger ingenting.
        </p>
        {!claim && <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">Tabellen används inte förrän OIDC_ROLES_CLAIM är satt och {name} är inställd.</p>}
        {list.rows.length === 0 ? (
          <p>Inga rader ännu.</p>
        ) : (
          <DataTable label="Roller från katalogen" caption="Värden i katalogen och rollerna de ger" columns={["Värde i katalogen", "Roll", "Gäller", <span key="x" className="sr-only">Ta bort</span>]} minWidth="36rem">
            {list.rows.map((row) => (
              <Row key={row.id}>
                <RowHeader weight="medium"><span className="break-all font-mono">{row.claimValue}</span></RowHeader>
                <Cell>{ROLE_LABELS[row.role]}</Cell>
                <Cell>{scopeText(row)}</Cell>
                <Cell>
                  <form action={removeDirectoryMappingAction}>
                    <input type="hidden" name="mappingId" value={row.id} />
                    <Button type="submit" variant="secondary">
                      Ta bort<span className="sr-only"> raden {row.claimValue}, {ROLE_LABELS[row.role]}, {scopeText(row)}</span>
                    </Button>
                  </form>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        <form action={createDirectoryMappingAction} className="grid gap-3 sm:grid-cols-3">
          <h3 className="font-semibold sm:col-span-3">Ny rad</h3>
          <div>
            <label htmlFor="katalog-varde" className="block font-medium">Värde i katalogen</label>
            <input id="katalog-varde" name="claimValue" required maxLength={200} autoComplete="off" aria-describedby="katalog-varde-hjalp" className={inputClass} />
            <p id="katalog-varde-hjalp" className="mt-1 text-sm text-slate-700">Precis som katalogen skickar det, t.ex. en approll eller en grupps id.</p>
          </div>
          <div>
            <label htmlFor="katalog-roll" className="block font-medium">Roll</label>
            <select id="katalog-roll" name="role" required defaultValue="" className={inputClass}>
              <option value="" disabled>Välj …</option>
              {Object.entries(ROLE_LABELS).map(([role, label]) => <option key={role} value={role}>{label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="katalog-galler" className="block font-medium">Gäller</label>
            <select id="katalog-galler" name="scope" required defaultValue="" className={inputClass}>
              <option value="" disabled>Välj …</option>
              <option value={WHOLE_VERKSAMHET}>Hela verksamheten</option>
              {list.areas.length > 0 && (
                <optgroup label="Alla öppna enheter i ett område">
                  {list.areas.map((area) => <option key={area.id} value={`omrade:${area.id}`}>{area.name} (hela området)</option>)}
                </optgroup>
              )}
              {list.areas.filter((area) => area.units.length > 0).map((area) => (
                <optgroup key={area.id} label={area.name}>
                  {area.units.map((unit) => <option key={unit.id} value={`enhet:${unit.id}`}>{unit.name}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="sm:col-span-3">
            <Button type="submit">Lägg till raden</Button>
          </div>
        </form>
      </Section>
    </div>
  );
}

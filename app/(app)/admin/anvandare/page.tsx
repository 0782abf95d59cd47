import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { UserCard } from "@/components/admin/user-card";
import { FlashMessage } from "@/components/ui/status-message";
import { requirePermission } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { FLASH_PARAM, flashText } from "@/lib/flash";
import { USER_TEXTS } from "@/lib/users/messages";
import { listUsers } from "@/lib/users/queries";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";
import { createUserAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Användare" };
export const dynamic = "force-dynamic";

const input = "mt-1 w-full rounded border border-slate-500 px-3 py-2";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("user:manage");
  const list = (await listUsers(actor))!;
  const params = await searchParams;
  // A known code only, and the name of a user this admin may see (looked up here, never taken from the address).
  const about = list.users.find((u) => u.id === params.om)?.name;
  const flash = flashText(USER_TEXTS, params[FLASH_PARAM], about);
  return (
    <div className="space-y-6">
      <PageHeader
        size="page"
        title="Användare"
        description={
          <>
          Skapa konton, ge roller för en enhet eller hela verksamheten och inaktivera konton som inte ska användas. En
          inaktiverad användare loggas ut direkt. Ingen kan registrera sig själv.
          </>
        }
      />
      <FlashMessage message={flash?.text} error={flash?.error} keepRegion />

      <Section id="ny-anvandare" title="Ny användare" card>
        <form action={createUserAction} className="mt-3 grid gap-3 sm:grid-cols-3">
          <label className="block">Namn<input name="name" required autoComplete="off" className={input} /></label>
          <label className="block">E-postadress<input name="email" type="email" required autoComplete="off" className={input} /></label>
          <label className="block">
            Lösenord
            <input name="password" type="password" autoComplete="new-password" aria-describedby="losen-hjalp" className={input} />
            <span id="losen-hjalp" className="mt-1 block text-sm text-slate-700">
              Minst {PASSWORD_MIN_LENGTH} tecken. Lämna tomt för den som bara loggar in med {getEnv().OIDC_DISPLAY_NAME}.
            </span>
          </label>
          <div className="sm:col-span-3">
            <Button type="submit" size="lg">Skapa användare</Button>
          </div>
        </form>
      </Section>

      <section aria-labelledby="alla-anvandare">
        <h2 id="alla-anvandare" className="text-xl font-semibold">Alla användare ({list.users.length})</h2>
        <ul className="mt-3 space-y-3">
          {list.users.map((user) => <UserCard key={user.id} user={user} areas={list.areas} isSelf={user.id === actor.id} oidcName={getEnv().OIDC_DISPLAY_NAME} />)}
        </ul>
      </section>
    </div>
  );
}

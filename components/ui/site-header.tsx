import { Link } from "@/components/ui/link";
import { MenuGroup } from "@/components/ui/menu-group";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { canAny, type Action } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { countOverdueTasks } from "@/lib/reminders/queries";
import { ROLE_LABELS } from "@/lib/routines/labels";
import * as clock from "@/lib/clock";
import { OverdueBadgeLink } from "@/components/checklist/overdue-badge-link";

type NavItem = { href: string; label: string; action: Action; unless?: Action };

/** Menu entries, each shown to users who hold its action somewhere (and not `unless`, which has its own entry). */
const NAV: NavItem[] = [
  { href: "/", label: "Årshjulet", action: "routine:read" },
  { href: "/rutiner/gallande", label: "Rutiner", action: "routine:read" },
  { href: "/checklista", label: "Min checklista", action: "task:update" },
  { href: "/brukarbrev", label: "Brukarbrev", action: "letter:read", unless: "dashboard:read" },
  { href: "/kalender", label: "Kalender", action: "task:read" },
];

/**
 * The managers' pages in groups (disclosures), so that the menu stays on one line at 1280 px for every role. A group
 * of which the user has one page shows it in the menu itself.
 */
const GROUPS: { label: string; items: NavItem[] }[] = [
  {
    label: "Uppföljning",
    items: [
      { href: "/oversikt", label: "Översikt", action: "dashboard:read" },
      { href: "/arshjul", label: "Årshjul med tabell", action: "dashboard:read" },
      { href: "/brukarbrev/oversikt", label: "Brukarbrev – översikt", action: "dashboard:read" },
      { href: "/resultat", label: "Resultat", action: "results:read" },
      { href: "/atgarder", label: "Förbättringsåtgärder", action: "improvement:manage" },
      { href: "/kvalitetsgranskning", label: "Kvalitetsgranskning", action: "review:read" },
    ],
  },
  {
    label: "Administration",
    items: [
      { href: "/rutiner", label: "Hantera rutiner", action: "routine:manage" },
      { href: "/cykler", label: "Årets cykler", action: "cycle:manage" },
      { href: "/paminnelser", label: "Påminnelser", action: "routine:manage" },
      { href: "/admin/anvandare", label: "Användare", action: "user:manage" },
      { href: "/admin/inloggning", label: "Inloggning", action: "user:manage" },
      { href: "/admin/organisation", label: "Organisation", action: "organisation:read" },
      { href: "/logg", label: "Händelselogg", action: "audit:read" },
    ],
  },
];

const LINK = "inline-flex min-h-6 items-center text-blue-800 underline-offset-4 hover:underline";

export async function SiteHeader() {
  const user = await getSessionUser();
  const roles = user ? [...new Set(user.assignments.map((a) => ROLE_LABELS[a.role]))].join(", ") : "";
  const overdue = user && canAny(user, "task:update") ? await countOverdueTasks(user, clock.today()) : 0;
  const shown = (item: NavItem) => user !== null && canAny(user, item.action) && !(item.unless && canAny(user, item.unless));
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One line at 1280 px for every role (the widest menu, the verksamhetschef's, and the name with the role under it). */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-3 sm:px-6 xl:max-w-7xl">
        <Link href="/" className="text-xl font-bold text-blue-900 no-underline hover:underline">
          Årshjulet
        </Link>
        {user && (
          <nav aria-label="Huvudmeny" className="no-print">
            <ul className="flex flex-wrap items-center gap-x-3.5 gap-y-1 text-sm">
              {NAV.filter(shown).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className={LINK}>
                    {item.label}
                  </Link>
                </li>
              ))}
              {GROUPS.map((group) => ({ ...group, items: group.items.filter(shown) })).map((group) =>
                group.items.length === 1 ? (
                  <li key={group.label}>
                    <Link href={group.items[0]!.href} className={LINK}>
                      {group.items[0]!.label}
                    </Link>
                  </li>
                ) : group.items.length > 1 ? (
                  <li key={group.label}>
                    <MenuGroup label={group.label}>
                      {group.items.map((item) => (
                        <li key={item.href}>
                          <Link href={item.href} className="block min-h-6 rounded px-3 py-1.5 whitespace-nowrap text-blue-800 underline-offset-4 hover:bg-slate-100 hover:underline">
                            {item.label}
                          </Link>
                        </li>
                      ))}
                    </MenuGroup>
                  </li>
                ) : null,
              )}
              {/* Follows the tick-offs made on the page, which answer without re-rendering it (docs/decisions/033). */}
              {canAny(user, "task:update") && <OverdueBadgeLink count={overdue} renderedAt={clock.now().getTime()} />}
            </ul>
          </nav>
        )}
        {user && (
          <div className="no-print flex flex-wrap items-center gap-3 text-sm">
            <span className="flex flex-col leading-tight">
              <span className="font-medium">{user.name}</span> <span className="text-xs text-slate-700">({roles})</span>
            </span>
            <Link href="/installningar" className={LINK}>
              Inställningar
            </Link>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}

"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from "react";
import { fetchPanelJson } from "./fetch-panel";
import type { AgendaMonth, WheelDetail, WheelDetailMore } from "./view";

const ITEM = "[data-wheel-item]";

function itemOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest(ITEM) as HTMLElement | null) : null;
}

function ordered(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ITEM)].sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
}

/** The mark in the next ring inwards (+1) or outwards (−1) nearest in angle; rings without marks are skipped. */
function neighbourRing(items: HTMLElement[], from: HTMLElement, step: 1 | -1): HTMLElement | null {
  const ring = Number(from.dataset.ring);
  const angle = Number(from.dataset.angle);
  const rings = [...new Set(items.map((i) => Number(i.dataset.ring)))].sort((a, b) => a - b);
  const target = step === 1 ? rings.find((r) => r > ring) : rings.findLast((r) => r < ring);
  if (target === undefined) return null;
  const distance = (el: HTMLElement) => {
    const d = Math.abs(Number(el.dataset.angle) - angle) % 360;
    return Math.min(d, 360 - d);
  };
  return items.filter((i) => Number(i.dataset.ring) === target).sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** /arshjul's texts and links of the details (app/(app)/arshjul/panel/route.ts); any refusal is a failure here. */
async function fetchMore(href: string): Promise<WheelDetailMore | "failed"> {
  const answer = await fetchPanelJson<{ more: WheelDetailMore }>(href);
  return typeof answer === "object" ? answer.more : "failed";
}

/**
 * Makes the server-rendered wheel explorable: hovering or focusing a mark shows its details beside the wheel,
 * the wheel is one tab stop (roving tabindex) and the arrow keys move between marks: right/left clockwise,
 * down/up to the ring inside/outside, Home/End to the first/last. Without JavaScript every mark is tabbable.
 * A click or Enter opens the mark in the panel and keeps it there, with what can be done (`panels`, e.g. the
 * checklist's actions of the user's own task); focus moves to the panel so the keyboard reaches its buttons.
 */
export function WheelExplorer({ details, intro, children, aside, panels = {}, wide = false, stacked = false, agenda = [], top, moreHref }: {
  details: Record<string, WheelDetail>;
  intro: ReactNode;
  children: ReactNode;
  aside: ReactNode;
  panels?: Record<string, ReactNode>;
  /**
   * Where the details' text and links come from when a detail is `more` (/arshjul, issue 35): fetched once, the first
   * time such a detail is shown, as JSON { more: { [mark]: { text, links } } }.
   */
  moreHref?: string;
  /**
   * The wheel over the whole width (the start page): below it `top` and `aside` side by side; the opened activity in
   * a panel right below the wheel (below its item in the agenda), so that it never covers the wheel's names.
   */
  wide?: boolean;
  /**
   * Not wide, but the wheel over the whole width with the details and `aside` under it (/arshjul): its names keep
   * the start page's size (at least 12 px at 1280 px), and the details still follow hover and focus.
   */
  stacked?: boolean;
  /** On a phone, before the small wheel: the same activities month by month in the cycle's order, each opening the same panel. */
  agenda?: AgendaMonth[];
  /** The start page's "Att göra nu": first on a phone, under the wheel beside `aside` on a wide screen. */
  top?: ReactNode;
}) {
  const root = useRef<HTMLDivElement>(null);
  const panelHeading = useRef<HTMLParagraphElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [openedFrom, setOpenedFrom] = useState<"wheel" | "agenda">("wheel");
  const shown = opened ?? hovered ?? active;
  const detail = shown ? details[shown] : undefined;
  const [fetchedMore, setFetchedMore] = useState<{ href: string; more: WheelDetailMore | "failed" } | null>(null);
  const fetching = useRef<string | null>(null);
  const needsMore = moreHref !== undefined && detail?.more === true;
  useEffect(() => {
    if (!needsMore || !moreHref || fetching.current === moreHref) return;
    fetching.current = moreHref;
    void fetchMore(moreHref).then((more) => {
      setFetchedMore({ href: moreHref, more });
      // A failed fetch is tried again the next time a detail needs it.
      if (more === "failed") fetching.current = null;
    });
  }, [needsMore, moreHref]);
  const fetched = fetchedMore && fetchedMore.href === moreHref ? fetchedMore.more : null;
  const more = needsMore && fetched && fetched !== "failed" ? (fetched[shown!] ?? {}) : undefined;
  const text = detail?.text ?? more?.text;
  const links = detail?.links ?? more?.links;
  const open = (id: string | null, from: "wheel" | "agenda" = "wheel") => {
    if (!id || !details[id]) return;
    setOpened(id);
    setOpenedFrom(from);
    setActive(id);
    // After React has shown the opened mark's panel: the whole panel into view (the start page's lies below the wheel), focus on its heading.
    requestAnimationFrame(() => {
      if (wide) panelRef.current?.scrollIntoView({ block: "nearest" });
      panelHeading.current?.focus({ preventScroll: wide });
    });
  };

  useEffect(() => {
    if (!root.current) return;
    const items = ordered(root.current);
    const current = items.find((i) => i.dataset.wheelItem === active) ?? items[0];
    for (const item of items) {
      item.tabIndex = item === current ? 0 : -1;
      item.toggleAttribute("data-active", item.dataset.wheelItem === shown);
    }
  }, [active, shown]);

  const onFocus = (e: SyntheticEvent) => {
    const item = itemOf(e.target);
    if (item) setActive(item.dataset.wheelItem ?? null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const item = itemOf(e.target);
    if (!item || !root.current) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open(item.dataset.wheelItem ?? null);
      return;
    }
    const items = ordered(root.current);
    const index = items.indexOf(item);
    const next: Record<string, HTMLElement | null | undefined> = {
      ArrowRight: items[(index + 1) % items.length],
      ArrowLeft: items[(index - 1 + items.length) % items.length],
      ArrowDown: neighbourRing(items, item, 1),
      ArrowUp: neighbourRing(items, item, -1),
      Home: items[0],
      End: items.at(-1),
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    const target = next[e.key];
    if (target) {
      setHovered(null);
      setOpened(null);
      target.focus();
    }
  };

  const actions = opened === shown && shown ? panels[shown] : undefined;
  const body = detail ? (
    // On the start page's wide panel the task's actions stand beside the details, so its buttons are in view at once.
    <div data-testid="wheel-details" className={wide && actions ? "lg:grid lg:grid-cols-2 lg:gap-6" : undefined}>
      <div>
        <p ref={panelHeading} tabIndex={-1} className="mt-1 text-lg font-semibold">
          {detail.title}
        </p>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          {detail.rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="font-medium text-slate-700">{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
        {text && <p className="mt-2 text-sm text-slate-800">{text}</p>}
        {needsMore && !more && (
          <p role="status" className="mt-2 text-sm text-slate-700">{fetched === "failed" ? "Beskrivningen och de försenade enheterna kunde inte hämtas just nu." : "Hämtar beskrivningen …"}</p>
        )}
        {links && links.length > 0 && (
          <div className="mt-3">
            <p className="text-sm font-medium text-slate-700">{detail.linksLabel}</p>
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} className="inline-block py-0.5 text-blue-800 underline">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {actions && <div className={`mt-3 border-t border-slate-200 pt-3 ${wide ? "lg:mt-0 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-6" : ""}`}>{actions}</div>}
      {!wide && opened === shown && (
        <button type="button" onClick={() => setOpened(null)} className="mt-3 min-h-6 text-sm text-blue-800 underline">
          Stäng
        </button>
      )}
    </div>
  ) : null;
  const handlers = {
    onFocus,
    onKeyDown,
    onMouseOver: (e: SyntheticEvent) => setHovered(itemOf(e.target)?.dataset.wheelItem ?? null),
    onClick: (e: SyntheticEvent) => open(itemOf(e.target)?.dataset.wheelItem ?? null),
    onMouseLeave: () => setHovered(null),
  };

  if (wide) {
    // The names beside the wheel need its full width: the opened activity shows in a panel right below the wheel, or
    // below its item when opened from the phone's agenda, closed with Stäng or Escape, focus back where it was opened.
    const close = () => {
      const id = opened;
      const from = openedFrom;
      setOpened(null);
      if (!id) return;
      const selector = from === "agenda" ? `[data-agenda-item="${CSS.escape(id)}"]` : `[data-wheel-item="${CSS.escape(id)}"]`;
      root.current?.parentElement?.querySelector<HTMLElement>(selector)?.focus();
    };
    const panel =
      opened && body ? (
        <section
          ref={panelRef}
          aria-labelledby="wheel-details-heading"
          onKeyDown={(e) => e.key === "Escape" && close()}
          className="wheel-details no-print scroll-mt-2 scroll-mb-2 rounded-lg border border-slate-400 bg-white p-4 shadow-md"
        >
          <div className="flex items-start justify-between gap-3">
            <h2 id="wheel-details-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
              Aktivitet i årshjulet
            </h2>
            <button type="button" onClick={close} className="min-h-6 min-w-6 text-sm font-semibold text-blue-800 underline">
              Stäng
            </button>
          </div>
          {body}
        </section>
      ) : null;
    const past = agenda.filter((m) => m.past);
    const month = (m: AgendaMonth) => (
      <div key={m.month}>
        <h3 className="font-semibold">{m.name}</h3>
        <ul className="mt-1 space-y-2">
          {m.items.map((item) => (
            <li key={item.id}>
              {/* Named classes (wheel.css), not utility strings repeated for every activity: the page's size (issue 35). */}
              <button type="button" data-agenda-item={item.id} onClick={() => open(item.id, "agenda")} className="wheel-agenda-item">
                <span className="wheel-agenda-title">{item.title}</span>
                <span className="wheel-agenda-state" data-overdue={item.overdue || undefined}>
                  {item.state}
                </span>
              </button>
              {openedFrom === "agenda" && opened === item.id && <div className="mt-2">{panel}</div>}
            </li>
          ))}
        </ul>
      </div>
    );
    // One order for every width (a phone's): Att göra nu, the agenda, the wheel, then the layers and the key. From
    // 1024 px the grid puts the wheel first over the whole width and Att göra nu beside the layers and key under it.
    return (
      <div className="wheel-layout wheel-home grid gap-6 lg:grid-cols-2">
        {top && <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-2">{top}</div>}
        <div className="min-w-0 space-y-4 lg:col-span-2 lg:row-start-1">
          {agenda.length > 0 && (
            <section aria-labelledby="wheel-agenda-heading" className="wheel-agenda no-print space-y-4 sm:hidden">
              <h2 id="wheel-agenda-heading" className="text-xl font-semibold">
                Månad för månad
              </h2>
              {past.length > 0 && (
                <details className="rounded border border-slate-300 bg-slate-50 px-3 py-2">
                  <summary className="min-h-6 cursor-pointer font-semibold text-blue-800">
                    Tidigare månader <span className="font-normal text-slate-700">({past[0]!.name.toLowerCase()} – {past.at(-1)!.name.toLowerCase()})</span>
                  </summary>
                  <div className="mt-2 space-y-4">{past.map(month)}</div>
                </details>
              )}
              {agenda.filter((m) => !m.past).map(month)}
            </section>
          )}
          <div ref={root} className="wheel-canvas wheel-canvas-wide w-full" {...handlers}>
            {children}
          </div>
          {openedFrom === "wheel" && panel}
        </div>
        {/* The intro beside Att göra nu, not between it and the wheel: Att göra nu then starts within the first screen. */}
        <div className="min-w-0 space-y-4 lg:col-start-2 lg:row-start-2">
          <div className="no-print text-sm text-slate-700">{intro}</div>
          {aside}
        </div>
      </div>
    );
  }

  return (
    <div className={stacked ? "wheel-layout space-y-6" : "wheel-layout grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"}>
      <div ref={root} className={stacked ? "wheel-canvas w-full" : "wheel-canvas mx-auto w-full max-w-[780px]"} {...handlers}>
        {children}
      </div>
      <div className={stacked ? "grid items-start gap-4 lg:grid-cols-2" : "space-y-4"}>
        <section aria-labelledby="wheel-details-heading" className="wheel-details no-print rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
          <h2 id="wheel-details-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
            Detaljer
          </h2>
          {body ?? <p className="mt-1 text-sm text-slate-700">{intro}</p>}
        </section>
        {aside}
      </div>
    </div>
  );
}

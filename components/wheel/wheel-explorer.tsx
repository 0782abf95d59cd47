"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from "react";
import type { AgendaMonth, WheelDetail } from "./view";

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

/**
 * Makes the server-rendered wheel explorable: hovering or focusing a mark shows its details beside the wheel,
 * the wheel is one tab stop (roving tabindex) and the arrow keys move between marks: right/left clockwise,
 * down/up to the ring inside/outside, Home/End to the first/last. Without JavaScript every mark is tabbable.
 * A click or Enter opens the mark in the panel and keeps it there, with what can be done (`panels`, e.g. the
 * checklist's actions of the user's own task); focus moves to the panel so the keyboard reaches its buttons.
 */
export function WheelExplorer({ details, intro, children, aside, panels = {}, wide = false, agenda = [] }: {
  details: Record<string, WheelDetail>;
  intro: string;
  children: ReactNode;
  aside: ReactNode;
  panels?: Record<string, ReactNode>;
  /** The wheel over the whole width (the start page): the opened activity in a panel over the page. */
  wide?: boolean;
  /** On a phone, below the small wheel: the same activities month by month, each opening the same panel. */
  agenda?: AgendaMonth[];
}) {
  const root = useRef<HTMLDivElement>(null);
  const panelHeading = useRef<HTMLParagraphElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const shown = opened ?? hovered ?? active;
  const detail = shown ? details[shown] : undefined;
  const open = (id: string | null) => {
    if (!id || !details[id]) return;
    setOpened(id);
    setActive(id);
    // After React has shown the opened mark's panel.
    requestAnimationFrame(() => panelHeading.current?.focus());
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

  const body = detail ? (
    <div data-testid="wheel-details">
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
      {detail.text && <p className="mt-2 text-sm text-slate-800">{detail.text}</p>}
      {detail.links && detail.links.length > 0 && (
        <div className="mt-3">
          <p className="text-sm font-medium text-slate-700">{detail.linksLabel}</p>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {detail.links.map((link) => (
              <li key={link.href}>
                <a href={link.href} className="inline-block py-0.5 text-blue-800 underline">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {opened === shown && shown && panels[shown] && <div className="mt-3 border-t border-slate-200 pt-3">{panels[shown]}</div>}
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
    // The names beside the wheel need its full width: the opened activity shows in a panel over the page's
    // right side (a sheet at the bottom on a phone), closed with Stäng or Escape, focus back on its mark.
    const close = () => {
      const id = opened;
      setOpened(null);
      if (id) root.current?.querySelector<HTMLElement>(`[data-wheel-item="${CSS.escape(id)}"]`)?.focus();
    };
    return (
      <div className="wheel-layout space-y-6">
        <div ref={root} className="wheel-canvas wheel-canvas-wide w-full" {...handlers}>
          {children}
        </div>
        {opened && body && (
          <section
            aria-labelledby="wheel-details-heading"
            onKeyDown={(e) => e.key === "Escape" && close()}
            className="wheel-details no-print fixed inset-x-2 bottom-2 z-30 max-h-[75vh] overflow-auto rounded-lg border border-slate-400 bg-white p-4 shadow-xl lg:inset-x-auto lg:top-24 lg:right-4 lg:bottom-auto lg:w-[26rem]"
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
        )}
        <p className="no-print hidden text-sm text-slate-700 sm:block">{intro}</p>
        {agenda.length > 0 && (
          <section aria-labelledby="wheel-agenda-heading" className="no-print space-y-4 sm:hidden">
            <h2 id="wheel-agenda-heading" className="text-xl font-semibold">
              Månad för månad
            </h2>
            {agenda.map((month) => (
              <div key={month.month}>
                <h3 className="font-semibold">{month.name}</h3>
                <ul className="mt-1 space-y-2">
                  {month.items.map((item) => (
                    <li key={item.id}>
                      <button type="button" onClick={() => open(item.id)} className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-left">
                        <span className="block font-medium text-blue-900 underline">{item.title}</span>
                        <span className={`block text-sm ${item.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>{item.state}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        )}
        <div className="grid items-start gap-6 lg:grid-cols-2">{aside}</div>
      </div>
    );
  }

  return (
    <div className="wheel-layout grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div ref={root} className="wheel-canvas mx-auto w-full max-w-[780px]" {...handlers}>
        {children}
      </div>
      <div className="space-y-4">
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

"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from "react";
import type { WheelDetail } from "./view";

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
 */
export function WheelExplorer({ details, intro, children, aside }: { details: Record<string, WheelDetail>; intro: string; children: ReactNode; aside: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const shown = hovered ?? active;
  const detail = shown ? details[shown] : undefined;

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
      target.focus();
    }
  };

  return (
    <div className="wheel-layout grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div
        ref={root}
        className="wheel-canvas mx-auto w-full max-w-[780px]"
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        onMouseOver={(e) => setHovered(itemOf(e.target)?.dataset.wheelItem ?? null)}
        onMouseLeave={() => setHovered(null)}
      >
        {children}
      </div>
      <div className="space-y-4">
        <section aria-labelledby="wheel-details-heading" className="wheel-details no-print rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
          <h2 id="wheel-details-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
            Detaljer
          </h2>
          {detail ? (
            <div data-testid="wheel-details">
              <p className="mt-1 text-lg font-semibold">{detail.title}</p>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
                {detail.rows.map((row) => (
                  <div key={row.label} className="contents">
                    <dt className="font-medium text-slate-700">{row.label}</dt>
                    <dd>{row.value}</dd>
                  </div>
                ))}
              </dl>
              {detail.text && <p className="mt-2 text-sm text-slate-800">{detail.text}</p>}
            </div>
          ) : (
            <p className="mt-1 text-sm text-slate-700">{intro}</p>
          )}
        </section>
        {aside}
      </div>
    </div>
  );
}

"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { DrawnMark } from "./wheel-drawing";

type Tip = { lines: string[]; x: number; y: number; below: boolean; alignRight: boolean };

/**
 * The full name of the wheel's mark under the pointer or with focus, in a box over the wheel (WCAG 1.4.13): it stays
 * while the pointer is on the mark or on the box itself, and Escape hides it. A mark's name on the wheel may be its
 * short name or a cut title; this shows its number, whole title and state (each mark's `tip` in the wheel's model,
 * found by the mark's data-wheel-item). The marks' accessible names already hold the same words, so the box is hidden
 * from assistive technology.
 */
export function WheelTooltip({ marks }: { marks: readonly DrawnMark[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    const tips = new Map(marks.map((m) => [m.id, m.tip]));
    const canvas = box.current?.parentElement;
    if (!canvas) return;
    let overBox = false;
    const itemOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGElement>("[data-wheel-item]") : null);
    const show = (item: SVGElement | null) => {
      const text = item ? tips.get(item.dataset.wheelItem ?? "") : undefined;
      if (!item || !text) return setTip(null);
      // Above the mark's name (its label, else the mark), below it in the canvas's top fifth; aligned with the name's
      // outer end on the left-hand side of the wheel and its start on the right, so that it stays inside the page.
      const target = item.querySelector(".wheel-label") ?? item;
      const r = target.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const below = r.top - c.top < c.height / 5;
      const alignRight = r.left + r.width / 2 < c.left + c.width / 2;
      setTip({ lines: text.split("\n"), x: alignRight ? r.right - c.left : r.left - c.left, y: below ? r.bottom - c.top + 2 : r.top - c.top - 2, below, alignRight });
    };
    // Off a mark: hidden a moment later, unless the pointer has reached the box (so it can be read and hovered).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hideSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => !overBox && setTip(null), 300);
    };
    const over = (e: Event) => {
      if (box.current?.contains(e.target as Node)) return;
      const item = itemOf(e.target);
      if (!item) return hideSoon();
      clearTimeout(timer);
      show(item);
    };
    const leave = hideSoon;
    const focus = (e: Event) => show(itemOf(e.target));
    const blur = () => setTip(null);
    const key = (e: KeyboardEvent) => e.key === "Escape" && setTip(null);
    const enterBox = () => (overBox = true);
    const leaveBox = () => {
      overBox = false;
      setTip(null);
    };
    canvas.addEventListener("pointerover", over);
    canvas.addEventListener("pointerleave", leave);
    canvas.addEventListener("focusin", focus);
    canvas.addEventListener("focusout", blur);
    document.addEventListener("keydown", key);
    const el = box.current;
    el?.addEventListener("pointerenter", enterBox);
    el?.addEventListener("pointerleave", leaveBox);
    return () => {
      canvas.removeEventListener("pointerover", over);
      canvas.removeEventListener("pointerleave", leave);
      canvas.removeEventListener("focusin", focus);
      canvas.removeEventListener("focusout", blur);
      document.removeEventListener("keydown", key);
      clearTimeout(timer);
      el?.removeEventListener("pointerenter", enterBox);
      el?.removeEventListener("pointerleave", leaveBox);
    };
  }, [marks]);

  // Kept inside the screen: aligned with the name as above, then moved in from an edge it would pass (a phone's
  // screen is narrower than a long title's box). Measured before the browser paints, so it never shows outside.
  useLayoutEffect(() => {
    const el = box.current;
    const canvas = el?.parentElement;
    if (!tip || !el || !canvas) return;
    const c = canvas.getBoundingClientRect();
    const width = el.offsetWidth;
    const margin = 8;
    const wanted = tip.alignRight ? tip.x - width : tip.x;
    const lowest = margin - c.left;
    const highest = document.documentElement.clientWidth - margin - c.left - width;
    el.style.left = `${Math.max(lowest, Math.min(wanted, highest))}px`;
  }, [tip]);

  return (
    <div
      ref={box}
      role="tooltip"
      aria-hidden="true"
      data-testid="wheel-tooltip"
      hidden={!tip}
      className="wheel-tooltip no-print pointer-events-auto absolute z-20 w-max max-w-[min(22rem,calc(100vw-1rem))] rounded border border-slate-500 bg-white px-3 py-2 text-sm text-slate-900 shadow-lg"
      style={tip ? { top: tip.y, transform: tip.below ? undefined : "translateY(-100%)" } : undefined}
    >
      {tip?.lines.map((line, i) => (
        <p key={i} className={i === 0 ? "font-semibold" : "text-slate-700"}>
          {line}
        </p>
      ))}
    </div>
  );
}

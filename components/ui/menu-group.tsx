"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * A group of the main menu as a <details> disclosure: it opens and closes with a click, Enter or Space on its name and
 * works without JavaScript. With JavaScript it also closes on Escape (focus back on its name), on a click or focus
 * outside it, and after a page change (the header stays mounted across client navigations).
 */
export function MenuGroup({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // Close after a page change only: on the first render the group may already be open by a click or key that landed
  // before React took over, and closing it then would undo what the user just did.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const d = ref.current;
      if (d?.open && !(e.target instanceof Node && d.contains(e.target))) d.open = false;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const d = ref.current;
      if (e.key !== "Escape" || !d?.open) return;
      d.open = false;
      d.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);
  return (
    <details
      ref={ref}
      className="menu-group relative"
      onBlur={(e) => {
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) e.currentTarget.open = false;
      }}
    >
      <summary className="inline-flex min-h-6 cursor-pointer list-none items-center gap-1 text-blue-800 underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </summary>
      <ul className="absolute top-full left-0 z-40 mt-2 w-max min-w-52 rounded-md border border-slate-300 bg-white p-1 shadow-lg">{children}</ul>
    </details>
  );
}

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WheelFilters } from "@/components/wheel/wheel-filters";
import { WHEEL_UNIT_PICKER_LIMIT } from "@/lib/wheel/data";
import { syntheticWheelData } from "../support/synthetic-wheel";

/** A verksamhet of `count` units in areas of ten. */
function withUnits(count: number, chosen: number | null, pickerArea: string | null) {
  const units = Array.from({ length: count }, (_, i) => ({ id: `u${i}`, name: `Enhet ${i}`, areaId: `a${Math.floor(i / 10)}`, areaName: `Område ${Math.floor(i / 10)}` }));
  return { ...syntheticWheelData([], 0), units, unit: chosen === null ? null : units[chosen]!, pickerArea };
}

const options = (html: string, id: string) => [...(html.match(new RegExp(`<select[^>]*id="${id}"[^>]*>(.*?)</select>`))?.[1] ?? "").matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]);

describe("the wheel's unit picker (decision 035)", () => {
  it("lists every unit up to the limit, without an area picker", () => {
    const html = renderToStaticMarkup(createElement(WheelFilters, { data: withUnits(WHEEL_UNIT_PICKER_LIMIT, 3, null) }));
    expect(options(html, "wheel-unit")).toHaveLength(WHEEL_UNIT_PICKER_LIMIT + 1);
    expect(html).not.toContain('id="wheel-area"');
  });

  it("above the limit lists one area's units beside an area picker, as a plain GET form", () => {
    const html = renderToStaticMarkup(createElement(WheelFilters, { data: withUnits(600, 123, "a12") }));
    expect(options(html, "wheel-unit")).toEqual(["", ...Array.from({ length: 10 }, (_, i) => `u${120 + i}`)]);
    expect(options(html, "wheel-area")).toHaveLength(60);
    expect(html).toContain(">Område 12 (10 enheter)</option>");
    expect(html).toMatch(/<select[^>]*name="omrade"/);
    expect(html).toMatch(/<form[^>]*action="\/arshjul" method="get"/);
    // No area yet (all units): "Välj område", and only "Alla enheter" to choose.
    const none = renderToStaticMarkup(createElement(WheelFilters, { data: withUnits(600, null, null) }));
    expect(options(none, "wheel-area")[0]).toBe("");
    expect(options(none, "wheel-unit")).toEqual([""]);
  });
});

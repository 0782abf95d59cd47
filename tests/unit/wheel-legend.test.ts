import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WheelLegend } from "@/components/wheel/wheel-legend";
import { utcDate } from "@/lib/dates/cycle";
import { emptyCompletion, type CompletionLevel } from "@/lib/wheel/completion";
import type { WheelActivity, WheelData } from "@/lib/wheel/data";

const activity = (key: string, level: CompletionLevel, month: number, timing: WheelActivity["timing"] = "MONTH"): WheelActivity => ({
  id: `r/${key}`,
  number: "1",
  key,
  title: key,
  shortName: null,
  description: null,
  kind: "CHECKLIST",
  timing,
  startMonth: month,
  endMonth: timing === "MONTH" ? month : month + 2,
  responsibleRole: "KOMMUNIKATOR",
  scope: "COMMUNICATIONS",
  local: false,
  startsOn: utcDate(2027, month, 1),
  dueOn: utcDate(2027, month, 28),
  completion: { ...emptyCompletion(), total: 1 },
  overdueUnits: [],
  level,
});

const data = (scope: WheelData["scope"], activities: WheelActivity[], unit: WheelData["unit"] = null) =>
  ({
    scope,
    unit,
    units: [],
    year: 2027,
    firstMonth: 12,
    today: utcDate(2026, 12, 6),
    survey: null,
    actions: [],
    routines: [
      { id: "r", key: "r", title: "Brukarundersökning hemtjänst", colour: "#1d4ed8", versions: [1], phases: [{ key: "infor", name: "Inför", activities }, { key: "uppfoljning", name: "Uppföljning", activities: [] }] },
    ],
  }) as unknown as WheelData;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the wheel's key", () => {
  it("names every ring by its number from the outside, those without room for a name on the wheel too", () => {
    const key = text(renderToStaticMarkup(createElement(WheelLegend, { data: data("verksamhet", [activity("a", "all", 1)]) })));
    expect(key).toContain("Ringarna, utifrån och in:");
    expect(key).toMatch(/Ring 1\. Inför/);
    expect(key).toMatch(/Ring 2\. Uppföljning/);
  });

  it("explains the – of ej aktuell and every other sign the wheel shows, and only those", () => {
    const key = text(renderToStaticMarkup(createElement(WheelLegend, { data: data("verksamhet", [activity("a", "na", 1), activity("b", "all", 2)]) })));
    expect(key).toContain("Tecknet före namnet: ✓ alla klara (eller ej aktuella), – ej aktuell.");
    expect(key).not.toContain("○");
    expect(key).not.toContain("Försenad");
  });

  it("speaks of units only where the scope has them: not to the kommunikatör or the handläggare", () => {
    const acts = [activity("a", "none", 1), activity("b", "upcoming", 3, "SPAN")];
    const communications = text(renderToStaticMarkup(createElement(WheelLegend, { data: data("communications", acts) })));
    expect(communications).not.toContain("enheter");
    expect(communications).toContain("Kommunikationsenhetens läge");
    expect(communications).toContain("○ ej påbörjad.");
    expect(communications).toContain("Aktivitet en månad");
    expect(communications).toContain("Period eller löpande aktivitet");
    const review = text(renderToStaticMarkup(createElement(WheelLegend, { data: data("review", [activity("a", "all", 3)]) })));
    expect(review).not.toContain("enheter");
    expect(review).toContain("Läget i kvalitetsgranskningen");
    expect(review).not.toContain("Period eller löpande aktivitet");
    const verksamhet = text(renderToStaticMarkup(createElement(WheelLegend, { data: data("verksamhet", acts) })));
    expect(verksamhet).toContain("Hur många enheter som är klara");
    expect(verksamhet).not.toContain("Förbättringsåtgärd");
  });

  it("explains the improvement actions' states that the wheel draws, and no others", () => {
    const withActions = { ...data("verksamhet", [activity("a", "all", 1)]), actions: [{ id: "x", title: "Bättre fika", status: "IN_PROGRESS", dueOn: utcDate(2027, 3, 1), ownerName: "", unitName: null, indicatorName: null, inYear: true }] } as unknown as WheelData;
    const key = text(renderToStaticMarkup(createElement(WheelLegend, { data: withActions })));
    expect(key).toContain("Förbättringsåtgärd: pågår");
    expect(key).not.toContain("Förbättringsåtgärd: planerad");
  });
});

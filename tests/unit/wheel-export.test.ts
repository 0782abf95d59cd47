import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { dataForView, exportFilename, hiddenLayerNames, viewName, wheelExportInfo } from "@/lib/wheel/export";

const activity = (id: string, from: [number, number, number], to: [number, number, number]) => ({ id, startsOn: utcDate(...from), dueOn: utcDate(...to) });

describe("the wheel's export and print helpers", () => {
  it("names files in ASCII whatever the unit is called, with the view", () => {
    expect(exportFilename(2027, null, { kind: "year" }, "png")).toBe("arshjul-2027.png");
    expect(exportFilename(2027, "Åkervägen Öst", { kind: "quarter", quarter: 1 }, "svg")).toBe("arshjul-2027-akervagen-ost-kvartal-1.svg");
    expect(exportFilename(2027, "Lärkan", { kind: "month", month: 12 }, "png")).toBe("arshjul-2027-larkan-manad-12.png");
    expect(exportFilename(2027, "Lärkan \"x\"; y", { kind: "year" }, "png")).toMatch(/^[a-z0-9-]+\.png$/);
  });

  it("names a December-first wheel's quarter by its months and a month by its calendar year", () => {
    expect(viewName({ kind: "year" }, 2027, 12)).toBe("Helår");
    expect(viewName({ kind: "quarter", quarter: 1 }, 2027, 12)).toBe("Kvartal 1: december–februari");
    expect(viewName({ kind: "month", month: 12 }, 2027, 12)).toBe("December 2026");
    expect(viewName({ kind: "month", month: 1 }, 2027, 12)).toBe("Januari 2027");
  });

  it("keeps a quarter's activities, actions and survey that touch its days, and only those", () => {
    const data = {
      year: 2027,
      firstMonth: 12,
      routines: [{ key: "r", title: "R", phases: [{ activities: [activity("dec", [2026, 12, 1], [2026, 12, 31]), activity("mar", [2027, 3, 1], [2027, 3, 31]), activity("all", [2026, 12, 1], [2027, 11, 30])] }] }],
      actions: [{ dueOn: utcDate(2027, 2, 28) }, { dueOn: utcDate(2027, 3, 1) }, { dueOn: null }],
      survey: { dispatchOn: utcDate(2027, 3, 2), lastAnswerOn: utcDate(2027, 5, 1) },
    };
    const q1 = dataForView(data, { kind: "quarter", quarter: 1 });
    expect(q1.routines[0]!.phases[0]!.activities.map((a) => a.id)).toEqual(["dec", "all"]);
    expect(q1.actions).toHaveLength(1);
    expect(q1.survey).toBeNull();
    const march = dataForView(data, { kind: "month", month: 3 });
    expect(march.routines[0]!.phases[0]!.activities.map((a) => a.id)).toEqual(["mar", "all"]);
    expect(march.actions).toHaveLength(1);
    expect(march.survey).not.toBeNull();
    expect(dataForView(data, { kind: "year" })).toBe(data);
  });

  it("heads the sheet with whose wheel, the view, the date and what is hidden", () => {
    const data = { year: 2027, organisationName: "Hemtjänsten", today: utcDate(2026, 12, 6), scope: "communications" as const, unit: null };
    const names = hiddenLayerNames(["atgarder", "enkat", "r"], [{ key: "r", title: "Brukarundersökning" }]);
    expect(names).toEqual(["Brukarundersökning", "Enkätperioden", "Förbättringsåtgärder"]);
    expect(wheelExportInfo(data, "Helår", names)).toEqual({
      title: "Årshjulet 2027 – Kommunikationsenheten",
      lines: ["Hemtjänsten · Helår · Läget den 6 december 2026", "Visas inte: Brukarundersökning, Enkätperioden, Förbättringsåtgärder"],
    });
    expect(wheelExportInfo({ ...data, unit: { name: "Lärkan" } }, "Helår", []).lines).toHaveLength(1);
  });
});

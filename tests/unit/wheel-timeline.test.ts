import { describe, expect, it } from "vitest";
import { timelineGroups } from "@/components/wheel/timeline";
import { activityDetail, OVERDUE_UNITS_NAMED } from "@/components/wheel/view";
import { utcDate } from "@/lib/dates/cycle";
import { emptyCompletion } from "@/lib/wheel/completion";
import type { WheelActivity, WheelData } from "@/lib/wheel/data";

const activity = (key: string, startMonth: number, endMonth: number, plan: Partial<NonNullable<WheelActivity["unitTask"]>> | null = null): WheelActivity => ({
  id: `r/${key}`,
  local: false,
  number: "1",
  key,
  title: `Aktivitet ${key}`,
  shortName: null,
  description: null,
  kind: "CHECKLIST",
  timing: "MONTH",
  startMonth,
  endMonth,
  responsibleRole: "ENHETSCHEF",
  scope: "UNIT",
  startsOn: utcDate(2027, startMonth, 1),
  dueOn: new Date(Date.UTC(2027, endMonth, 0)),
  completion: emptyCompletion(),
  overdueUnits: [],
  unitStatus: "NOT_STARTED",
  unitTask: plan ? { id: "t", version: 1, plannedOn: null, plannedTime: null, plannedPlace: null, plannedLead: null, ...plan } : null,
  level: "none",
});

const data = (activities: WheelActivity[], extra: Partial<WheelData> = {}) =>
  ({
    year: 2027,
    today: utcDate(2027, 2, 15),
    unit: { id: "u", name: "Lärkan", areaName: "Norr" },
    routines: [{ id: "r", key: "rutin", title: "Rutinen", colour: "#1d4ed8", versions: [1], phases: [{ key: "p", name: "Fasen", activities }] }],
    actions: [],
    survey: null,
    ...extra,
  }) as unknown as WheelData;

describe("the quarter and month timeline", () => {
  it("keeps only what falls in the view, cut at its edges", () => {
    const groups = timelineGroups(data([activity("jan", 1, 1), activity("feb-apr", 2, 4), activity("jun", 6, 6)]), { kind: "month", month: 2 });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(["r/feb-apr"]);
    expect(groups[0]!.rows[0]!.span).toEqual({ left: 0, width: 100, continuesBefore: false, continuesAfter: true });
    const q1 = timelineGroups(data([activity("jan", 1, 1), activity("feb-apr", 2, 4), activity("jun", 6, 6)]), { kind: "quarter", quarter: 1 });
    expect(q1[0]!.rows.map((r) => r.id)).toEqual(["r/jan", "r/feb-apr"]);
  });

  it("draws a planned task at its day, with its time in the month view only", () => {
    const planned = activity("fika", 2, 2, { plannedOn: utcDate(2027, 2, 8), plannedTime: "14:00", plannedPlace: "Dagcentralen" });
    const month = timelineGroups(data([planned]), { kind: "month", month: 2 })[0]!.rows[0]!;
    expect(month.plan).toEqual({ at: 26.79, text: "8 februari kl. 14:00, Dagcentralen" });
    expect(month.label).toContain("Planerad 8 februari 2027 kl. 14:00, Dagcentralen.");
    const quarter = timelineGroups(data([planned]), { kind: "quarter", quarter: 1 })[0]!.rows[0]!;
    expect(quarter.plan).toEqual({ at: 42.78, text: "" });
    // A plan outside the view (or none) draws nothing at a day.
    expect(timelineGroups(data([activity("x", 2, 3, { plannedOn: utcDate(2027, 3, 3) })]), { kind: "month", month: 2 })[0]!.rows[0]!.plan).toBeNull();
    expect(timelineGroups(data([activity("x", 2, 2, {})]), { kind: "month", month: 2 })[0]!.rows[0]!.plan).toBeNull();
  });

  it("adds the survey period and the improvement actions due in the view", () => {
    const groups = timelineGroups(
      data([], {
        survey: { dispatchOn: utcDate(2027, 2, 20), reminderOn: null, lastAnswerOn: utcDate(2027, 4, 10), resultsPublishedOn: null },
        actions: [
          { id: "a1", title: "Åtgärd", status: "PLANNED", dueOn: utcDate(2027, 2, 28), ownerName: "VC", unitName: null, indicatorName: null, inYear: true },
          { id: "a2", title: "Senare", status: "PLANNED", dueOn: utcDate(2027, 5, 1), ownerName: "VC", unitName: null, indicatorName: null, inYear: true },
        ],
      }),
      { kind: "month", month: 2 },
    );
    expect(groups.map((g) => g.key)).toEqual(["others"]);
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(["survey", "action:a1"]);
    expect(groups[0]!.rows[0]!.span).toMatchObject({ left: 67.86, continuesAfter: true });
    expect(groups[0]!.rows[1]!.point).toBe(98.22);
  });
});

describe("a unit's own activity's panel", () => {
  it("says it concerns the unit only and is not the routine's, though it stands in the routine's phase", () => {
    const d = activityDetail({ ...activity("a", 2, 2), local: true }, "Brukarundersökning hemtjänst", "Uppföljning", "Lärkan", utcDate(2027, 3, 15), 2027);
    const row = (label: string) => d.rows.find((r) => r.label === label)!.value;
    expect(row("Gäller")).toBe("Bara Lärkan");
    expect(row("Rutin")).toBe("Enhetens egen aktivitet, i fasen Uppföljning av Brukarundersökning hemtjänst (ingår inte i rutinens dokument)");
  });
  it("leaves a routine's activity as the routine's, for every unit", () => {
    const d = activityDetail(activity("a", 2, 2), "Brukarundersökning hemtjänst", "Uppföljning", "Lärkan", utcDate(2027, 3, 15), 2027);
    expect(d.rows.find((r) => r.label === "Gäller")!.value).toBe("Varje enhet");
    expect(d.rows.find((r) => r.label === "Rutin")!.value).toBe("Brukarundersökning hemtjänst");
  });
});

describe("an activity's panel for the verksamhetschef", () => {
  const late = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `Enhet ${i + 1}`, taskId: `t${i}` }));
  const detail = (n: number) => activityDetail({ ...activity("a", 2, 2), overdueUnits: late(n) }, "Rutinen", "Fasen", null, utcDate(2027, 3, 15), 2027);

  it("links every late unit's task while they are few", () => {
    const d = detail(3);
    expect(d.linksLabel).toBe("Försenade enheter (3)");
    expect(d.links).toEqual(late(3).map((u) => ({ href: `/checklista/uppgift/${u.taskId}`, label: u.name })));
  });

  it("names the first ten of many and counts the rest, with the overview's list of them", () => {
    const d = detail(250);
    expect(d.linksLabel).toBe("Försenade enheter (250)");
    expect(d.links).toHaveLength(OVERDUE_UNITS_NAMED + 1);
    expect(d.links!.at(-1)).toEqual({ href: "/oversikt?ar=2027#forsenade", label: "och 240 till: se Översikt" });
    expect(detail(OVERDUE_UNITS_NAMED).links).toHaveLength(OVERDUE_UNITS_NAMED);
  });
});

import { describe, expect, it } from "vitest";
import { wheelAgenda } from "@/components/wheel/view";
import { utcDate } from "@/lib/dates/cycle";
import { emptyCompletion } from "@/lib/wheel/completion";
import type { WheelActivity, WheelData } from "@/lib/wheel/data";

const activity = (key: string, startMonth: number): WheelActivity => ({
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
  endMonth: startMonth,
  responsibleRole: "ENHETSCHEF",
  scope: "UNIT",
  startsOn: null,
  dueOn: null,
  completion: emptyCompletion(),
  overdueUnits: [],
  level: "none",
});

// One activity in every month, as the wheel's data of cycle `year` on `today`.
const data = (year: number, today: Date, firstMonth: number) =>
  ({
    year,
    today,
    firstMonth,
    unit: null,
    routines: [{ id: "r", key: "rutin", title: "Rutinen", colour: "#1d4ed8", phases: [{ key: "p", name: "Fasen", activities: Array.from({ length: 12 }, (_, i) => activity(`m${i + 1}`, i + 1)) }] }],
  }) as unknown as WheelData;

const open = (months: ReturnType<typeof wheelAgenda>) => months.filter((m) => !m.past).map((m) => m.name);
const past = (months: ReturnType<typeof wheelAgenda>) => months.filter((m) => m.past).map((m) => m.name);

describe("the phone's agenda", () => {
  it("follows a December cycle from its first month, and on 6 December the new cycle has nothing folded", () => {
    const agenda = wheelAgenda(data(2027, utcDate(2026, 12, 6), 12));
    expect(agenda.map((m) => m.name).slice(0, 3)).toEqual(["December 2026", "Januari 2027", "Februari 2027"]);
    expect(agenda.at(-1)!.name).toBe("November 2027");
    expect(past(agenda)).toEqual([]);
  });

  it("folds the months before today's in the cycle that today lies in", () => {
    const agenda = wheelAgenda(data(2027, utcDate(2027, 3, 10), 12));
    expect(past(agenda)).toEqual(["December 2026", "Januari 2027", "Februari 2027"]);
    expect(open(agenda)[0]).toBe("Mars 2027");
    expect(agenda.map((m) => m.month)).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("shows the ending cycle (open for its efterarbete) and a later one whole, from their first month", () => {
    const ending = wheelAgenda(data(2026, utcDate(2026, 12, 6), 12));
    expect(open(ending)[0]).toBe("December 2025");
    expect(open(ending).at(-1)).toBe("November 2026");
    expect(past(wheelAgenda(data(2028, utcDate(2026, 12, 6), 12)))).toEqual([]);
  });

  it("runs January to December in a calendar-year cycle", () => {
    const agenda = wheelAgenda(data(2027, utcDate(2027, 6, 1), 1));
    expect(past(agenda)).toHaveLength(5);
    expect(open(agenda)).toEqual(["Juni 2027", "Juli 2027", "Augusti 2027", "September 2027", "Oktober 2027", "November 2027", "December 2027"]);
  });

  it("leaves out months without activities", () => {
    const d = data(2027, utcDate(2027, 1, 20), 12);
    d.routines[0]!.phases[0]!.activities = [activity("a", 12), activity("b", 4)];
    expect(wheelAgenda(d).map((m) => [m.name, m.past, m.items.length])).toEqual([
      ["December 2026", true, 1],
      ["April 2027", false, 1],
    ]);
  });
});

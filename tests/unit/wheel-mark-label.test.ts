import { describe, expect, it } from "vitest";
import { wheelModel } from "@/components/wheel/wheel-svg";
import { markLabel } from "@/components/wheel/wheel-drawing";
import { labelFromTip } from "@/components/wheel/mark-label";
import { activityLabel, activityTip } from "@/components/wheel/view";
import { benchRoutine, seededRoutine, syntheticWheelData } from "../support/synthetic-wheel";

describe("a wheel mark's accessible name, from its tooltip and role (issue 35)", () => {
  it("is the activity's label for every activity of the wheel", () => {
    for (const data of [syntheticWheelData([seededRoutine("routine-brukarundersokning.json"), seededRoutine("routine-kvalitetssakring.json")], 14), syntheticWheelData([benchRoutine()], 60)]) {
      const marks = new Map(wheelModel(data).marks.map((m) => [m.id, m]));
      const activities = data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities)).filter((a) => a.startMonth !== null);
      expect(activities.length).toBeGreaterThan(30);
      for (const a of activities) {
        const mark = marks.get(a.id)!;
        expect(mark.label).toBeUndefined();
        expect(markLabel(mark)).toBe(activityLabel(a, null, data.today));
        expect(mark.tip).toBe(activityTip(a, null, data.today));
      }
    }
  });

  it("puts the role after the time and ends with the state", () => {
    expect(labelFromTip("3. Skicka brev\nLöpande januari–mars. 2 av 4 enheter klara", "Koordinator")).toBe("3. Skicka brev. Löpande januari–mars, Koordinator. 2 av 4 enheter klara.");
    expect(markLabel({ id: "a", ring: 1, angle: 0, tip: "1. Möte\nMaj. Lärkan: ej påbörjad", role: "Enhetschef", plan: "12 maj", shape: { kind: "point", at: { x: 0, y: 0 }, radius: 4 } })).toBe(
      "1. Möte. Maj, Enhetschef. Lärkan: ej påbörjad. Planerad 12 maj.",
    );
    expect(markLabel({ id: "survey", ring: 0, angle: 0, tip: "Enkät", label: "Enkätperioden.", shape: { kind: "survey", d: "" } })).toBe("Enkätperioden.");
  });
});

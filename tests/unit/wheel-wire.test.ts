import { describe, expect, it } from "vitest";
import { wheelModel } from "@/components/wheel/wheel-svg";
import { expandWheelWire, toWheelWire } from "@/components/wheel/wheel-wire";
import type { DrawnMark } from "@/components/wheel/wheel-drawing";
import { benchRoutine, seededRoutine, syntheticWheelData } from "../support/synthetic-wheel";

const rounded = (m: DrawnMark): DrawnMark => {
  const s = m.shape;
  if ((s.kind !== "arc" && s.kind !== "point") || !s.sign) return m;
  return { ...m, shape: { ...s, sign: { x: Math.round(s.sign.x * 100) / 100, y: Math.round(s.sign.y * 100) / 100 } } };
};

describe("the wheel's model as the page's data carries it (issue 35)", () => {
  it("expands to the same model, every mark with the same keys", () => {
    const kinds = new Set<string>();
    for (const data of [syntheticWheelData([seededRoutine("routine-brukarundersokning.json"), seededRoutine("routine-kvalitetssakring.json")], 14), syntheticWheelData([benchRoutine()], 60)]) {
      const model = wheelModel(data);
      expect(model.marks.some((m) => m.overdue)).toBe(true);
      for (const m of model.marks) kinds.add(m.shape.kind);
      const wire = toWheelWire(model);
      expect(expandWheelWire(wire)).toEqual({ ...model, marks: model.marks.map(rounded) });
      expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(model).length * 0.8);
    }
    expect([...kinds].sort()).toEqual(["arc", "point", "survey"]);
  });
});

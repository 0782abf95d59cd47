import { describe, expect, it } from "vitest";
import { planTasks, type PlannableActivity } from "@/lib/cycles/plan";

const activities: PlannableActivity[] = [
  { id: "brev1", scope: "UNIT", startMonth: 2, endMonth: 2 },
  { id: "lg", scope: "ORGANISATION", startMonth: 12, endMonth: 12 },
  { id: "webb", scope: "COMMUNICATIONS", startMonth: 2, endMonth: 2 },
  { id: "utan-manad", scope: "UNIT", startMonth: null, endMonth: null },
];

describe("planTasks", () => {
  it("creates one task per unit for unit activities and one for the verksamhet or kommunikationsenheten", () => {
    const tasks = planTasks(2027, activities, ["u1", "u2", "u3"]);
    expect(tasks.filter((t) => t.activityId === "brev1").map((t) => t.unitId)).toEqual(["u1", "u2", "u3"]);
    expect(tasks.filter((t) => t.activityId === "lg")).toEqual([
      expect.objectContaining({ unitId: null, assigneeKey: "ORGANISATION" }),
    ]);
    expect(tasks.filter((t) => t.activityId === "webb")).toEqual([
      expect.objectContaining({ unitId: null, assigneeKey: "COMMUNICATIONS" }),
    ]);
    expect(tasks).toHaveLength(3 + 1 + 1 + 3);
  });

  it("dates every task within the cycle year", () => {
    const tasks = planTasks(2027, activities, ["u1"]);
    const lg = tasks.find((t) => t.activityId === "lg")!;
    expect(lg.dueOn?.toISOString().slice(0, 10)).toBe("2027-12-31");
    expect(tasks.find((t) => t.activityId === "utan-manad")!.dueOn).toBeNull();
  });

  it("gives every task a distinct assignee key per activity, so re-planning can skip duplicates", () => {
    const tasks = planTasks(2027, activities, ["u1", "u2"]);
    const keys = tasks.map((t) => `${t.activityId}/${t.assigneeKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("creates no unit tasks when there are no active units", () => {
    expect(planTasks(2027, activities, []).every((t) => t.unitId === null)).toBe(true);
  });
});

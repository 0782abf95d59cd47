import { describe, expect, it } from "vitest";
import { planFollowVersion, type FollowActivity, type FollowTask } from "@/lib/cycles/follow-version";
import { planTasks, withoutCovered, type PlannableActivity } from "@/lib/cycles/plan";

const v1: (PlannableActivity & { key: string })[] = [
  { id: "v1-brev1", key: "brukarbrev-1", scope: "UNIT", startMonth: 2, endMonth: 2 },
  { id: "v1-lg", key: "lg-genomgang", scope: "ORGANISATION", startMonth: 12, endMonth: 12 },
];
const identity = (activities: { id: string; key: string }[]) => new Map(activities.map((a) => [a.id, `rutin/${a.key}`]));
const coveredBy = (tasks: { activityId: string; assigneeKey: string }[], activities: { id: string; key: string }[]) => {
  const ids = identity(activities);
  return new Set(tasks.map((t) => `${ids.get(t.activityId)}/${t.assigneeKey}`));
};

describe("cycle instantiation", () => {
  it("is idempotent: planning again over the created tasks creates nothing", () => {
    const first = planTasks(2027, v1, ["u1", "u2"]);
    expect(first).toHaveLength(3);
    const again = withoutCovered(planTasks(2027, v1, ["u1", "u2"]), identity(v1), coveredBy(first, v1));
    expect(again).toEqual([]);
  });

  it("gives a unit added during the year exactly its own tasks", () => {
    const existing = planTasks(2026, v1, ["u1", "u2"]);
    const added = withoutCovered(planTasks(2026, v1, ["u1", "u2", "u3"]), identity(v1), coveredBy(existing, v1));
    expect(added).toEqual([{ activityId: "v1-brev1", unitId: "u3", assigneeKey: "u3", startsOn: new Date("2026-02-01T00:00:00Z"), dueOn: new Date("2026-02-28T00:00:00Z") }]);
  });

  it("does not create a second task for an activity kept on an earlier version", () => {
    const v2 = [{ id: "v2-brev1", key: "brukarbrev-1", scope: "UNIT" as const, startMonth: 3, endMonth: 3 }];
    const keptOnV1 = planTasks(2026, v1, ["u1"]);
    const all = [...v1, ...v2];
    expect(withoutCovered(planTasks(2026, v2, ["u1", "u2"]), identity(all), coveredBy(keptOnV1, all)).map((t) => t.unitId)).toEqual(["u2"]);
  });
});

describe("a new version mid-cycle (planFollowVersion)", () => {
  const task = (over: Partial<FollowTask>): FollowTask => ({
    id: "t", activityId: "v1-brev1", key: "brukarbrev-1", scope: "UNIT", assigneeKey: "u1", status: "NOT_STARTED", hasHistory: false, title: "Brukarbrev 1", unitName: "Lärkan", ...over,
  });
  const v2: FollowActivity[] = [
    { id: "v2-brev1", key: "brukarbrev-1", scope: "UNIT", startMonth: 3, endMonth: 3 },
    { id: "v2-ny", key: "egenkontroll", scope: "UNIT", startMonth: 4, endMonth: 4 },
    { id: "v2-lg", key: "lg-genomgang", scope: "UNIT", startMonth: 12, endMonth: 12 },
  ];

  it("re-points remaining tasks to the activity with the same key and recomputes their dates", () => {
    const plan = planFollowVersion(2026, [task({ id: "a" }), task({ id: "b", assigneeKey: "u2", status: "IN_PROGRESS", hasHistory: true })], v2, ["u1", "u2"]);
    expect(plan.repoint).toEqual([
      { taskId: "a", fromActivityId: "v1-brev1", toActivityId: "v2-brev1", startsOn: new Date("2026-03-01T00:00:00Z"), dueOn: new Date("2026-03-31T00:00:00Z"), fromDueOn: null },
      expect.objectContaining({ taskId: "b", toActivityId: "v2-brev1" }),
    ]);
  });

  it("never touches klar or ej aktuell tasks, and they still count as covering their key", () => {
    const plan = planFollowVersion(2026, [task({ id: "done", status: "DONE" }), task({ id: "na", assigneeKey: "u2", status: "NOT_APPLICABLE" })], v2, ["u1", "u2"]);
    expect(plan.untouched).toBe(2);
    expect(plan.repoint).toEqual([]);
    // Only the new activity and the changed-scope one need tasks: 2 units each.
    expect(plan.create).toBe(4);
  });

  it("removes untouched tasks of removed activities and keeps (and reports) those with history or in progress", () => {
    const removedKey = { key: "borttagen", activityId: "v1-borttagen" };
    const plan = planFollowVersion(
      2026,
      [
        task({ id: "tom", ...removedKey }),
        task({ id: "kommenterad", ...removedKey, assigneeKey: "u2", hasHistory: true, unitName: "Tallbacken" }),
        task({ id: "pagar", ...removedKey, assigneeKey: "u3", status: "IN_PROGRESS", unitName: "Ekdungen" }),
      ],
      v2,
      ["u1", "u2", "u3"],
    );
    expect(plan.remove).toEqual(["tom"]);
    expect(plan.keep).toEqual([
      { taskId: "kommenterad", title: "Brukarbrev 1", unitName: "Tallbacken", reason: "history" },
      { taskId: "pagar", title: "Brukarbrev 1", unitName: "Ekdungen", reason: "in-progress" },
    ]);
  });

  it("treats an activity that changed scope as removed and added: the verksamhet task goes, every unit gets one", () => {
    const plan = planFollowVersion(2026, [task({ id: "org", activityId: "v1-lg", key: "lg-genomgang", scope: "ORGANISATION", assigneeKey: "ORGANISATION", unitName: null })], v2, ["u1", "u2"]);
    expect(plan.remove).toEqual(["org"]);
    expect(plan.create).toBe(2 /* brukarbrev-1 */ + 2 /* egenkontroll */ + 2 /* lg per enhet */);
  });
});

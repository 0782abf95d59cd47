import { describe, expect, it } from "vitest";
import { activityNumbers, buildRoutines, mergeVersions, type ActivityRow } from "@/lib/wheel/routines";

const routine = (id: string, title: string) => ({ id, key: id, title, colour: id === "b" ? "#1d4ed8" : "#9d174d", startMonth: id === "b" ? 12 : 1 });
function row(id: string, key: string, version: number, r: ReturnType<typeof routine>, phase: [string, number], month: number, title = key, ownerUnitId: string | null = null): ActivityRow {
  return {
    id,
    key,
    position: 0,
    title,
    shortName: null,
    description: null,
    kind: "CHECKLIST",
    timing: "MONTH",
    startMonth: month,
    endMonth: month,
    responsibleRole: "ENHETSCHEF",
    scope: "UNIT",
    ownerUnitId,
    phase: { key: phase[0], name: phase[0], position: phase[1] },
    routineVersion: { version, routine: r },
  };
}

describe("routines of the wheel", () => {
  const b = routine("b", "Brukarundersökning");
  const k = routine("k", "Kvalitetssäkring");
  const rows = [
    row("k1", "urval", 1, k, ["urval", 0], 3),
    row("b1-brev", "brev", 1, b, ["infor", 0], 2, "Brev (gammal)"),
    row("b2-brev", "brev", 2, b, ["infor", 0], 2, "Brev"),
    row("b2-apt", "apt", 2, b, ["infor", 0], 1),
    row("b2-uppf", "uppf", 2, b, ["uppfoljning", 4], 12),
  ];

  it("keeps one activity per key, defined by the newest version and holding every version's rows", () => {
    const merged = mergeVersions(rows);
    expect(merged.get("b/brev")).toMatchObject({ row: { title: "Brev" }, ids: ["b2-brev", "b1-brev"] });
    expect(merged.size).toBe(4);
  });

  it("orders routines by title and phases by position, and numbers activities by month across routines", () => {
    const routines = buildRoutines(mergeVersions(rows), rows, (id, r, ids) => ({ id, key: r.key, title: `${r.title} (${ids.length})`, startMonth: r.startMonth, endMonth: r.endMonth }) as never);
    expect(routines.map((r) => [r.title, r.versions])).toEqual([["Brukarundersökning", [1, 2]], ["Kvalitetssäkring", [1]]]);
    expect(routines[0]!.phases.map((p) => p.key)).toEqual(["infor", "uppfoljning"]);
    const numbered = routines.flatMap((r) => r.phases.flatMap((p) => p.activities.map((a) => `${a.number} ${a.title}`)));
    expect(numbered).toEqual(["1 apt (1)", "2 Brev (2)", "3 uppf (1)", "4 urval (1)"]);
  });

  const build = (shown: ActivityRow[], all: ActivityRow[]) =>
    buildRoutines(mergeVersions(shown), shown, (id, r) => ({ id, key: r.key, title: r.title, startMonth: r.startMonth, endMonth: r.endMonth }) as never, activityNumbers(all))
      .flatMap((r) => r.phases.flatMap((p) => p.activities.map((a) => `${a.number} ${a.title}`)));

  it("numbers a unit's own activities apart (E1, E2), so the routines' numbers do not shift", () => {
    const withLocal = [...rows, row("local-jan", "egen-jan", 2, b, ["infor", 0], 1, "Egen januari", "unit-1"), row("local-dec", "egen-dec", 2, b, ["uppfoljning", 4], 12, "Egen december", "unit-1")];
    expect(build(withLocal, withLocal)).toEqual(["1 apt", "E1 Egen januari", "2 Brev", "3 uppf", "E2 Egen december", "4 urval"]);
  });

  it("numbers over every routine activity of the cycle, so a scope that shows fewer keeps everyone's numbers", () => {
    const onlyUrval = rows.filter((r) => r.key === "urval");
    expect(build(onlyUrval, rows)).toEqual(["4 urval"]);
    const withoutApt = rows.filter((r) => r.key !== "apt");
    expect(build(withoutApt, rows)).toEqual(["2 Brev", "3 uppf", "4 urval"]);
  });
});

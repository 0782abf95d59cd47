import { describe, expect, it } from "vitest";
import { ACTIONS, can, canAny, type Action, type Actor, type Resource } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db";

const ORG = "org-1";
const OTHER_ORG = "org-2";

// One actor per role, as the demo accounts have them: unit roles on unit A, the rest verksamhet-wide.
const actors: Record<Role, Actor> = {
  ENHETSCHEF: { id: "ec", assignments: [{ role: "ENHETSCHEF", organisationId: ORG, unitId: "A" }] },
  KOORDINATOR: { id: "ko", assignments: [{ role: "KOORDINATOR", organisationId: ORG, unitId: "A" }] },
  VERKSAMHETSCHEF: { id: "vc", assignments: [{ role: "VERKSAMHETSCHEF", organisationId: ORG, unitId: null }] },
  VERKSAMHETSUTVECKLARE: { id: "vu", assignments: [{ role: "VERKSAMHETSUTVECKLARE", organisationId: ORG, unitId: null }] },
  KOMMUNIKATOR: { id: "km", assignments: [{ role: "KOMMUNIKATOR", organisationId: ORG, unitId: null }] },
  ADMIN: { id: "ad", assignments: [{ role: "ADMIN", organisationId: ORG, unitId: null }] },
  BISTANDSHANDLAGGARE: { id: "bh", assignments: [{ role: "BISTANDSHANDLAGGARE", organisationId: ORG, unitId: null }] },
  KVALITETSHANDLAGGARE: { id: "kh", assignments: [{ role: "KVALITETSHANDLAGGARE", organisationId: ORG, unitId: null }] },
};

const tasks: Record<string, Resource> = {
  "unit A, enhetschef's task": { organisationId: ORG, unitId: "A", assigneeKey: "A", responsibleRole: "ENHETSCHEF" },
  "unit A, koordinator's task": { organisationId: ORG, unitId: "A", assigneeKey: "A", responsibleRole: "KOORDINATOR" },
  "unit B, enhetschef's task": { organisationId: ORG, unitId: "B", assigneeKey: "B", responsibleRole: "ENHETSCHEF" },
  "unit B, koordinator's task": { organisationId: ORG, unitId: "B", assigneeKey: "B", responsibleRole: "KOORDINATOR" },
  "verksamhet, verksamhetschef's task": { organisationId: ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "VERKSAMHETSCHEF" },
  "verksamhet, utvecklare's task": { organisationId: ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "VERKSAMHETSUTVECKLARE" },
  "kommunikationsenheten's task": { organisationId: ORG, unitId: null, assigneeKey: "COMMUNICATIONS", responsibleRole: "KOMMUNIKATOR" },
  "verksamhet, kvalitetshandläggare's task": { organisationId: ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "KVALITETSHANDLAGGARE" },
  "verksamhet, biståndshandläggare's task": { organisationId: ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "BISTANDSHANDLAGGARE" },
  "verksamhet, task without a role": { organisationId: ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: null },
  "other verksamhet, unit task": { organisationId: OTHER_ORG, unitId: "X", assigneeKey: "X", responsibleRole: "ENHETSCHEF" },
  "other verksamhet, verksamhet task": { organisationId: OTHER_ORG, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "VERKSAMHETSCHEF" },
};
const TASK_NAMES = Object.keys(tasks);

// Written out by hand from the issue, not derived from the table under test.
const expectedTasks: Record<"task:read" | "task:update", Record<Role, string[]>> = {
  "task:read": {
    ENHETSCHEF: ["unit A, enhetschef's task", "unit A, koordinator's task"],
    KOORDINATOR: ["unit A, enhetschef's task", "unit A, koordinator's task"],
    VERKSAMHETSCHEF: TASK_NAMES.filter((n) => !n.startsWith("other")),
    VERKSAMHETSUTVECKLARE: TASK_NAMES.filter((n) => !n.startsWith("other")),
    KOMMUNIKATOR: ["kommunikationsenheten's task"],
    ADMIN: [],
    BISTANDSHANDLAGGARE: ["verksamhet, biståndshandläggare's task"],
    KVALITETSHANDLAGGARE: ["verksamhet, kvalitetshandläggare's task"],
  },
  // The auditor's steps are the auditor's: the verksamhetschef reads them but changes only hemtjänst's own (issue 32).
  "task:update": {
    ENHETSCHEF: ["unit A, enhetschef's task", "unit A, koordinator's task"],
    KOORDINATOR: ["unit A, koordinator's task"],
    VERKSAMHETSCHEF: ["verksamhet, verksamhetschef's task", "verksamhet, utvecklare's task", "verksamhet, task without a role"],
    VERKSAMHETSUTVECKLARE: ["verksamhet, utvecklare's task"],
    KOMMUNIKATOR: ["kommunikationsenheten's task"],
    ADMIN: [],
    BISTANDSHANDLAGGARE: ["verksamhet, biståndshandläggare's task"],
    KVALITETSHANDLAGGARE: ["verksamhet, kvalitetshandläggare's task"],
  },
};

const ROLES = Object.keys(actors) as Role[];

describe.each(["task:read", "task:update"] as const)("can(role, %s, task)", (action) => {
  const cases = ROLES.flatMap((role) => TASK_NAMES.map((name) => [role, name, expectedTasks[action][role].includes(name)] as const));
  it.each(cases)("%s on %s → %s", (role, name, allowed) => {
    expect(can(actors[role], action, tasks[name]!)).toBe(allowed);
  });
});

// Letters are about a unit; the other actions about the verksamhet.
const unitA: Resource = { organisationId: ORG, unitId: "A" };
const unitB: Resource = { organisationId: ORG, unitId: "B" };
const ownOrg: Resource = { organisationId: ORG };
const otherOrg: Resource = { organisationId: OTHER_ORG, unitId: "X" };

const ALL_OF_ORG = [ownOrg, unitA, unitB];
const none = (): Record<Role, Resource[]> => Object.fromEntries(ROLES.map((r) => [r, []])) as unknown as Record<Role, Resource[]>;
const only = (grants: Partial<Record<Role, Resource[]>>): Record<Role, Resource[]> => ({ ...none(), ...grants });

const expectedOther: Record<Exclude<Action, "task:read" | "task:update">, Record<Role, Resource[]>> = {
  "routine:read": Object.fromEntries(ROLES.map((r) => [r, ALL_OF_ORG])) as Record<Role, Resource[]>,
  "routine:manage": only({ VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "cycle:manage": only({ VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "letter:read": only({ ENHETSCHEF: [unitA], KOORDINATOR: [unitA], VERKSAMHETSCHEF: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "letter:record": only({ KOORDINATOR: [unitA] }),
  "dashboard:read": only({ VERKSAMHETSCHEF: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "audit:read": only({ VERKSAMHETSCHEF: ALL_OF_ORG, ADMIN: ALL_OF_ORG }),
  "user:manage": only({ ADMIN: ALL_OF_ORG }),
  "organisation:read": only({ ADMIN: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "organisation:manage": only({ ADMIN: ALL_OF_ORG }),
  "results:read": only({ ENHETSCHEF: [unitA], KOORDINATOR: [unitA], VERKSAMHETSCHEF: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "results:import": only({ VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  "improvement:manage": only({ ENHETSCHEF: [unitA], VERKSAMHETSCHEF: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
  // The review's case data: socialkontoret's roles only, never hemtjänst's.
  "review:read": only({ BISTANDSHANDLAGGARE: ALL_OF_ORG, KVALITETSHANDLAGGARE: ALL_OF_ORG }),
  "review:manage": only({ KVALITETSHANDLAGGARE: ALL_OF_ORG }),
  "review:interview": only({ BISTANDSHANDLAGGARE: ALL_OF_ORG, KVALITETSHANDLAGGARE: ALL_OF_ORG }),
  // The årshjul's share links (issue 33): the verksamhet's managers anywhere in it, an enhetschef their own unit.
  "share:manage": only({ ENHETSCHEF: [unitA], VERKSAMHETSCHEF: ALL_OF_ORG, VERKSAMHETSUTVECKLARE: ALL_OF_ORG }),
};

describe("can(role, action, resource) for the other actions", () => {
  const resources = { "own verksamhet": ownOrg, "unit A": unitA, "unit B": unitB, "other verksamhet": otherOrg };
  const cases = (Object.keys(expectedOther) as (keyof typeof expectedOther)[]).flatMap((action) =>
    ROLES.flatMap((role) =>
      Object.entries(resources).map(([name, resource]) => [role, action, name, expectedOther[action][role].includes(resource)] as const),
    ),
  );
  it.each(cases)("%s %s on %s → %s", (role, action, name, allowed) => {
    expect(can(actors[role], action, resources[name as keyof typeof resources])).toBe(allowed);
  });
});

describe("the permission table", () => {
  it("is covered by the expectations above, action by action", () => {
    expect([...Object.keys(expectedTasks), ...Object.keys(expectedOther)].sort()).toEqual([...ACTIONS].sort());
  });

  // Written out above, not read from the table: a role may take an action somewhere exactly when it has a resource for it.
  const expectedAnywhere = (role: Role, action: Action) =>
    (action === "task:read" || action === "task:update" ? expectedTasks[action][role] : expectedOther[action][role]).length > 0;
  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action, expectedAnywhere(role, action)] as const)))(
    "canAny(%s, %s) → %s",
    (role, action, allowed) => {
      expect(canAny(actors[role], action)).toBe(allowed);
    },
  );

  it("gives nothing to a user without roles", () => {
    const nobody: Actor = { id: "x", assignments: [] };
    for (const action of ACTIONS) for (const r of [...Object.values(tasks), ownOrg]) expect(can(nobody, action, r)).toBe(false);
  });

  it("combines roles held on several units", () => {
    const twoUnits: Actor = { id: "ec2", assignments: [
      { role: "ENHETSCHEF", organisationId: ORG, unitId: "A" },
      { role: "ENHETSCHEF", organisationId: ORG, unitId: "B" },
    ] };
    expect(can(twoUnits, "task:update", tasks["unit B, enhetschef's task"]!)).toBe(true);
    expect(can(twoUnits, "task:update", tasks["other verksamhet, unit task"]!)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { dueReminderOffset, inWeeklyDigest, isoWeekKey, isOverdue, taskPeriodKey } from "@/lib/reminders/due";
import { digestMessage, redactError, taskReminderMessage } from "@/lib/reminders/mail";
import { isRecipient, recipientsOf, type Holder } from "@/lib/reminders/recipients";
import { toRoutineDocument, type VersionForDocument } from "@/lib/routines/export";
import { parseRoutineJson } from "@/lib/routines/import";
import { loadSeedRoutine } from "@/prisma/seed/seed";
import { describeOffsets, offsetsTextSchema, reminderOffsetsSchema, reminderRuleSchema } from "@/lib/reminders/rules";

const DUE = utcDate(2026, 11, 30);
const task = (over: Partial<Parameters<typeof dueReminderOffset>[0]> = {}) => ({
  id: "t1", status: "NOT_STARTED" as const, dueOn: DUE, reminderOffsets: [-14, 0, 7], ...over,
});
const on = (month: number, day: number) => dueReminderOffset(task(), utcDate(2026, month, day));

describe("which reminders are due on a date", () => {
  it("sends the one before the due date on its day, and nothing earlier", () => {
    expect(on(11, 15)).toBeNull();
    expect(on(11, 16)).toBe(-14);
  });

  it("sends the one on the due date, and the one after while still not done", () => {
    expect(on(11, 30)).toBe(0);
    expect(on(12, 7)).toBe(7);
    expect(dueReminderOffset(task({ status: "IN_PROGRESS" }), utcDate(2026, 12, 7))).toBe(7);
  });

  it("catches up a missed day for a week, then lets the reminder lapse", () => {
    expect(on(11, 22)).toBe(-14);
    expect(on(11, 23)).toBeNull();
    expect(on(12, 13)).toBe(7);
    expect(on(12, 14)).toBeNull();
  });

  it("sends nothing for done or not applicable tasks, or tasks without a due date", () => {
    expect(dueReminderOffset(task({ status: "DONE" }), DUE)).toBeNull();
    expect(dueReminderOffset(task({ status: "NOT_APPLICABLE" }), utcDate(2026, 12, 7))).toBeNull();
    expect(dueReminderOffset(task({ dueOn: null }), DUE)).toBeNull();
    expect(dueReminderOffset(task({ reminderOffsets: [] }), DUE)).toBeNull();
  });

  it("keys a reminder by task and offset, and a digest by ISO week", () => {
    expect(taskPeriodKey("t1", -14)).toBe("t1:-14");
    expect(isoWeekKey(utcDate(2026, 11, 23))).toBe("2026-W48");
    expect(isoWeekKey(utcDate(2026, 11, 29))).toBe("2026-W48");
    expect(isoWeekKey(utcDate(2027, 1, 1))).toBe("2026-W53");
    expect(isoWeekKey(utcDate(2027, 1, 4))).toBe("2027-W01");
  });

  it("puts overdue tasks and those due by Sunday in the weekly digest", () => {
    const monday = utcDate(2026, 11, 23);
    expect(inWeeklyDigest(task({ dueOn: utcDate(2026, 11, 29) }), monday)).toBe(true);
    expect(inWeeklyDigest(task({ dueOn: utcDate(2026, 10, 31) }), monday)).toBe(true);
    expect(inWeeklyDigest(task({ dueOn: utcDate(2026, 11, 30) }), monday)).toBe(false);
    expect(inWeeklyDigest(task({ dueOn: utcDate(2026, 10, 31), status: "DONE" }), monday)).toBe(false);
    expect(isOverdue(task({ dueOn: utcDate(2026, 11, 22) }), monday)).toBe(true);
    expect(isOverdue(task({ dueOn: monday }), monday)).toBe(false);
  });
});

describe("reminder rules", () => {
  it("reads offsets written as text, sorted and without repeats", () => {
    expect(offsetsTextSchema.parse("7, -14 0")).toEqual([-14, 0, 7]);
    expect(offsetsTextSchema.parse("\u221230; 0; 0")).toEqual([-30, 0]);
    expect(offsetsTextSchema.parse("")).toEqual([]);
  });

  it("refuses words, fractions, more than 90 days and more than five reminders, in Swedish", () => {
    const message = (text: string) => reminderRuleSchema.safeParse({ activityId: "a", offsets: text }).error?.issues[0]?.message;
    expect(message("två veckor")).toBe('"två" är inte ett heltal. Skriv t.ex. -14, 0, 7.');
    expect(message("1.5")).toMatch(/inte ett heltal/);
    expect(message("-91")).toBe("En påminnelse kan ligga högst 90 dagar före förfallodagen.");
    expect(message("91")).toBe("En påminnelse kan ligga högst 90 dagar efter förfallodagen.");
    expect(message("-5, -4, -3, -2, -1, 0")).toBe("Högst 5 påminnelser per aktivitet.");
    expect(reminderOffsetsSchema.safeParse([1.5]).success).toBe(false);
  });

  it("describes offsets in Swedish", () => {
    expect(describeOffsets([-14, 0, 7])).toBe("14 dagar före, på förfallodagen och 7 dagar efter");
    expect(describeOffsets([1])).toBe("1 dag efter");
    expect(describeOffsets([])).toBe("inga påminnelser");
  });
});

describe("recipients of a task's reminders", () => {
  const org = "org";
  const h = (userId: string, role: Holder["role"], unitId: string | null, organisationId = org): Holder => ({ userId, role, unitId, organisationId });
  const holders = [
    h("chief-larkan", "ENHETSCHEF", "larkan"),
    h("chief-hagen", "ENHETSCHEF", "hagen"),
    h("coord-larkan", "KOORDINATOR", "larkan"),
    h("vc", "VERKSAMHETSCHEF", null),
    h("vc-other-org", "VERKSAMHETSCHEF", null, "other"),
    h("komm", "KOMMUNIKATOR", null),
  ];

  it("reminds the responsible role held for the task's unit", () => {
    expect(recipientsOf({ organisationId: org, unitId: "larkan", assigneeKey: "larkan", responsibleRole: "ENHETSCHEF" }, holders)).toEqual(["chief-larkan"]);
    expect(recipientsOf({ organisationId: org, unitId: "larkan", assigneeKey: "larkan", responsibleRole: "KOORDINATOR" }, holders)).toEqual(["coord-larkan"]);
  });

  it("reminds verksamhet-wide holders of verksamhet tasks, in the same verksamhet only", () => {
    expect(recipientsOf({ organisationId: org, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "VERKSAMHETSCHEF" }, holders)).toEqual(["vc"]);
    expect(isRecipient(h("x", "ENHETSCHEF", "larkan"), { organisationId: org, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "ENHETSCHEF" })).toBe(false);
  });

  it("reminds kommunikatörer of kommunikationsenhetens tasks, and no one when no role is named", () => {
    expect(recipientsOf({ organisationId: org, unitId: null, assigneeKey: "COMMUNICATIONS", responsibleRole: "KOMMUNIKATOR" }, holders)).toEqual(["komm"]);
    expect(recipientsOf({ organisationId: org, unitId: "larkan", assigneeKey: "larkan", responsibleRole: null }, holders)).toEqual([]);
  });

  it("reminds no one of a task their role may not update", () => {
    // A verksamhetschef holds the role verksamhet-wide but may only update verksamhet tasks, not a unit's.
    expect(isRecipient(h("vc", "VERKSAMHETSCHEF", null), { organisationId: org, unitId: "larkan", assigneeKey: "larkan", responsibleRole: "VERKSAMHETSCHEF" })).toBe(false);
    expect(isRecipient(h("vc", "VERKSAMHETSCHEF", null), { organisationId: org, unitId: null, assigneeKey: "ORGANISATION", responsibleRole: "VERKSAMHETSCHEF" })).toBe(true);
  });
});

describe("reminder messages", () => {
  const mailTask = { id: "abc", title: "Workshop i november", unitName: "Lärkan", assigneeKey: "u1", dueOn: DUE };
  it("writes Swedish subjects with the due date and a link to the task", () => {
    const before = taskReminderMessage(mailTask, utcDate(2026, 11, 16), "https://arshjulet.kommun.se/");
    expect(before.subject).toBe("Påminnelse: Workshop i november (Lärkan) ska vara klar 30 november 2026");
    expect(before.text).toContain("om 14 dagar");
    expect(before.text).toContain("https://arshjulet.kommun.se/checklista/uppgift/abc");
    expect(taskReminderMessage(mailTask, DUE, "http://x").subject).toMatch(/ska vara klar i dag$/);
    expect(taskReminderMessage(mailTask, utcDate(2026, 12, 7), "http://x").subject).toMatch(/^Försenad: .* skulle ha varit klar 30 november 2026$/);
  });

  it("groups the digest into overdue and this week", () => {
    const old = { ...mailTask, id: "old", title: "Brukarbrev 3", dueOn: utcDate(2026, 9, 30) };
    const m = digestMessage([mailTask, old], utcDate(2026, 11, 30), "http://x");
    expect(m.subject).toBe("Årshjulet v. 49: denna vecka och försenat (2 uppgifter)");
    expect(m.text.indexOf("Försenat (1)")).toBeLessThan(m.text.indexOf("Denna vecka (1)"));
    expect(m.text).toContain("http://x/checklista/uppgift/old");
  });

  it("keeps e-mail addresses out of stored errors", () => {
    expect(redactError(new Error("550 5.1.1 <anna@kommun.se>: Recipient address rejected"))).toBe("550 5.1.1 <adress>: Recipient address rejected");
  });
});

describe("reminder offsets in routine documents", () => {
  const seedDoc = loadSeedRoutine();
  const first = seedDoc.activities[0]!;

  it("imports offsets sorted, and refuses bad ones in Swedish", () => {
    const doc = structuredClone(seedDoc);
    doc.activities[0]!.reminderOffsets = [7, -30];
    const parsed = parseRoutineJson(JSON.stringify(doc));
    expect(parsed.ok && parsed.document.activities[0]!.reminderOffsets).toEqual([-30, 7]);
    doc.activities[0]!.reminderOffsets = [120];
    const bad = parseRoutineJson(JSON.stringify(doc));
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain("högst 90 dagar efter förfallodagen");
  });

  it("exports offsets only when they differ from the default", () => {
    const stored = (reminderOffsets: number[]): VersionForDocument => ({
      title: "R", decidedBy: null, decidedOn: null, documentOwner: null, validUntil: null, replacesText: null, purpose: null,
      routine: { key: seedDoc.key, colour: seedDoc.colour },
      phases: [{ id: "p", key: first.phase, name: "Fas", position: 0 }],
      activities: [{ ...first, phaseId: "p", position: 0, description: null, letterNumber: first.letterNumber ?? null, templateRef: null, note: null, reminderOffsets }],
    });
    expect(toRoutineDocument(stored([-14, 0, 7])).activities[0]!.reminderOffsets).toBeUndefined();
    expect(toRoutineDocument(stored([-3, 1])).activities[0]!.reminderOffsets).toEqual([-3, 1]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates/cycle";
import { MailServerUnavailable, planReminders, runReminderJob } from "@/lib/reminders/job";
import { createSmtpMailer } from "@/lib/reminders/mail";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { startSmtp } from "../support/smtp";

const BASE_URL = "https://arshjulet.test";

describe.each(DATABASE_KINDS)("reminder job on %s", (kind) => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const mailer = () => createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, "Årshjulet <arshjulet@localhost>");
  const run = (today: Date) => runReminderJob({ today, mailer: mailer(), baseUrl: BASE_URL, db: t.db });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    smtp = await startSmtp();
    await t.db.user.update({ where: { email: "koordinator@arshjulet.example" }, data: { emailPreference: "DIGEST_ONLY" } });
    await t.db.user.update({ where: { email: "kommunikator@arshjulet.example" }, data: { emailPreference: "NONE" } });
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it("sends each reminder exactly once to the right person in Swedish, however often it runs", async () => {
    const today = utcDate(2026, 11, 30);
    const task = await t.db.task.findFirstOrThrow({
      where: { dueOn: today, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, unit: { name: "Lärkan" }, activity: { responsibleRole: "ENHETSCHEF" } },
      include: { activity: true },
    });
    // The koordinator has at least one overdue task this year (the seeded statuses vary), so a digest is due.
    const reopened = await t.db.task.findFirstOrThrow({
      where: { cycle: { year: 2026 }, dueOn: { lt: today }, unit: { name: "Lärkan" }, activity: { responsibleRole: "KOORDINATOR", kind: { not: "LETTER" } } },
    });
    await t.db.task.update({ where: { id: reopened.id }, data: { status: "NOT_STARTED", completedAt: null } });
    const first = await run(today);
    expect(first.failed).toBe(0);
    expect(first.sentTasks).toBeGreaterThan(0);
    expect(first.sentDigests).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(first.sentTasks + first.sentDigests);

    const second = await run(today);
    expect(second).toMatchObject({ sentTasks: 0, sentDigests: 0, failed: 0, alreadySent: first.planned });
    expect(smtp.received).toHaveLength(first.sentTasks + first.sentDigests);

    const subject = `Påminnelse: ${task.activity.title} (Lärkan) ska vara klar i dag`;
    const about = smtp.received.filter((m) => m.subject === subject);
    expect(about.map((m) => m.to)).toEqual(["enhetschef@arshjulet.example"]);
    expect(about[0]!.text).toContain(`${BASE_URL}/checklista/uppgift/${task.id}`);
    const keys = smtp.received.map((m) => `${m.to}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);

    const digest = smtp.received.filter((m) => m.to === "koordinator@arshjulet.example");
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toMatch(/^Årshjulet v\. 49: denna vecka och försenat \(\d+ uppgift(er)?\)$/);
    expect(smtp.received.some((m) => m.to === "kommunikator@arshjulet.example")).toBe(false);
    expect(await t.db.reminderDelivery.count({ where: { status: { not: "SENT" } } })).toBe(0);
    // Last year's cycle is closed: its tasks that were left open are in no reminder or digest.
    const lastYear = await t.db.task.findMany({ where: { cycle: { year: 2025 }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } }, select: { id: true } });
    expect(lastYear.length).toBeGreaterThan(0);
    expect(await t.db.reminderDelivery.count({ where: { taskId: { in: lastYear.map((x) => x.id) } } })).toBe(0);
    // (Their dates are not the test: the 2026 cycle itself begins with the brukarundersökning's December 2025.)
    expect(smtp.received.some((m) => lastYear.some((x) => m.text.includes(`/checklista/uppgift/${x.id}`)))).toBe(false);
  });

  it("reports a refusing server as failed and delivers once on the next run", async () => {
    const today = utcDate(2026, 12, 7);
    const before = smtp.received.length;
    smtp.state.refuse = true;
    const refused = await run(today);
    expect(refused.failed).toBe(refused.planned);
    expect(refused.failed).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(before);
    const failedRows = await t.db.reminderDelivery.findMany({ where: { status: "FAILED" } });
    expect(failedRows).toHaveLength(refused.failed);
    expect(failedRows.every((r) => r.attempts === 1 && r.lastError?.includes("451") && !r.lastError.includes("@"))).toBe(true);

    smtp.state.refuse = false;
    const retried = await run(today);
    expect(retried.failed).toBe(0);
    expect(retried.sentTasks + retried.sentDigests).toBe(refused.failed);
    const again = await run(today);
    expect(again.sentTasks + again.sentDigests).toBe(0);
    expect(smtp.received).toHaveLength(before + refused.failed);
    expect(await t.db.reminderDelivery.count({ where: { status: "SENT", attempts: 2 } })).toBe(refused.failed);
  });

  it("lets only one of two overlapping runs send each reminder", async () => {
    const today = utcDate(2026, 12, 31);
    const before = smtp.received.length;
    const planned = (await planReminders(today, BASE_URL, t.db)).length;
    const [a, b] = await Promise.all([run(today), run(today)]);
    const sent = a.sentTasks + a.sentDigests + b.sentTasks + b.sentDigests;
    expect(sent).toBe(planned);
    expect(smtp.received).toHaveLength(before + planned);
  });

  it("sends nothing and says why when the server cannot be reached", async () => {
    const before = await t.db.reminderDelivery.count();
    const closed = createSmtpMailer("smtp://127.0.0.1:1", "Årshjulet <arshjulet@localhost>");
    await expect(runReminderJob({ today: utcDate(2027, 1, 4), mailer: closed, baseUrl: BASE_URL, db: t.db })).rejects.toBeInstanceOf(MailServerUnavailable);
    expect(await t.db.reminderDelivery.count()).toBe(before);
  });
});

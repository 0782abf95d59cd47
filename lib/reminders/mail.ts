import "server-only";
import nodemailer from "nodemailer";
import { daysBetween, formatDateLong, formatWeek } from "../dates/cycle.ts";

export type MailMessage = { to: string; subject: string; text: string };

/** What the job needs from an e-mail server; tests may pass their own. */
export type Mailer = { verify(): Promise<void>; send(message: MailMessage): Promise<void>; close(): void };

/** An SMTP mailer from SMTP_URL (smtp:// uses STARTTLS when the server offers it, smtps:// is TLS from the start). */
/** Upper bounds of one SMTP conversation (ms); together far below the job's STALE_CLAIM_MS. */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 } as const;

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    async verify() {
      await transport.verify();
    },
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** An SMTP error without e-mail addresses, short enough to store: never log or keep whom a message was for. */
export function redactError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, "<adress>").slice(0, 300);
}

export type MailTask = { id: string; title: string; unitName: string | null; assigneeKey: string; dueOn: Date };

function whose(task: Pick<MailTask, "unitName" | "assigneeKey">): string {
  if (task.unitName) return task.unitName;
  return task.assigneeKey === "COMMUNICATIONS" ? "kommunikationsenheten" : "hela verksamheten";
}

const taskUrl = (baseUrl: string, id: string) => `${baseUrl.replace(/\/$/, "")}/checklista/uppgift/${id}`;

function footer(baseUrl: string): string {
  return [
    "",
    "–",
    "Det här meddelandet kommer från Årshjulet eftersom din roll är ansvarig för uppgifter i årshjulet.",
    `Du kan välja bara veckosammanfattning eller inga e-postmeddelanden under Inställningar: ${baseUrl.replace(/\/$/, "")}/installningar`,
  ].join("\n");
}

/** A single reminder for one task, in Swedish. */
export function taskReminderMessage(task: MailTask, today: Date, baseUrl: string): Omit<MailMessage, "to"> {
  const dueText = formatDateLong(task.dueOn);
  const left = daysBetween(today, task.dueOn);
  const subject =
    left > 0
      ? `Påminnelse: ${task.title} (${whose(task)}) ska vara klar ${dueText}`
      : left === 0
        ? `Påminnelse: ${task.title} (${whose(task)}) ska vara klar i dag`
        : `Försenad: ${task.title} (${whose(task)}) skulle ha varit klar ${dueText}`;
  const when =
    left > 0 ? `ska vara klar ${dueText}, om ${left} ${left === 1 ? "dag" : "dagar"}` : left === 0 ? "ska vara klar i dag" : `skulle ha varit klar ${dueText} och är inte markerad som klar`;
  const text = [
    "Hej!",
    "",
    `Uppgiften "${task.title}" för ${whose(task)} ${when}.`,
    "",
    `Öppna uppgiften: ${taskUrl(baseUrl, task.id)}`,
    "När den är gjord markerar du den som klar (eller ej aktuell) i checklistan, så slutar påminnelserna.",
    footer(baseUrl),
  ].join("\n");
  return { subject, text };
}

/** The weekly digest "Denna vecka och försenat", in Swedish. */
export function digestMessage(tasks: readonly MailTask[], today: Date, baseUrl: string): Omit<MailMessage, "to"> {
  const sorted = [...tasks].sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.title.localeCompare(b.title, "sv"));
  const overdue = sorted.filter((t) => t.dueOn < today);
  const thisWeek = sorted.filter((t) => t.dueOn >= today);
  const line = (t: MailTask) => `- ${t.title} (${whose(t)}), ${formatDateLong(t.dueOn)}\n  ${taskUrl(baseUrl, t.id)}`;
  const section = (heading: string, list: MailTask[]) => (list.length === 0 ? [] : ["", `${heading} (${list.length}):`, ...list.map(line)]);
  const subject = `Årshjulet ${formatWeek(today)}: denna vecka och försenat (${tasks.length} ${tasks.length === 1 ? "uppgift" : "uppgifter"})`;
  const text = [
    "Hej!",
    "",
    `Här är dina uppgifter i årshjulet för ${formatWeek(today)}.`,
    ...section("Försenat", overdue),
    ...section("Denna vecka", thisWeek),
    footer(baseUrl),
  ].join("\n");
  return { subject, text };
}

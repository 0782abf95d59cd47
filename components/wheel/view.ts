import { formatDateLong, formatMonthSpan, MONTH_NAMES } from "@/lib/dates/cycle";
import { ROLE_LABELS, SCOPE_LABELS } from "@/lib/routines/labels";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { describeCompletion } from "@/lib/wheel/completion";
import { wheelName } from "@/lib/wheel/labels";
import type { WheelAction, WheelActivity, WheelData } from "@/lib/wheel/data";
import type { ImprovementStatus } from "@/lib/db/generated/enums";
import { monthsInOrder, todayMonthIn, yearOfMonth } from "@/lib/wheel/views";
import { labelFromTip } from "./mark-label";

/** What the details panel shows for one mark of the wheel. */
export type WheelDetail = {
  title: string;
  rows: { label: string; value: string }[];
  text?: string | null;
  linksLabel?: string;
  links?: { href: string; label: string }[];
  /** The text and links are left out, to be fetched when the panel shows the mark (activityDetail's `lazy`). */
  more?: true;
};

export const ACTION_STATUS_LABELS: Record<ImprovementStatus, string> = {
  PLANNED: "Planerad",
  IN_PROGRESS: "Pågår",
  DONE: "Genomförd",
  CANCELLED: "Avbruten",
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Februari", "Löpande januari–mars", "Saknar månad". */
export function activityTime(a: Pick<WheelActivity, "timing" | "startMonth" | "endMonth">): string {
  const span = formatMonthSpan(a);
  if (!span) return "Saknar månad";
  return a.timing === "CONTINUOUS" ? `Löpande ${span}` : capitalise(span);
}

/** The activity's state in words: across units, or for the chosen unit. */
export function activityState(a: WheelActivity, unitName: string | null): string {
  if (unitName === null || a.scope !== "UNIT") {
    const text = describeCompletion(a.completion, a.scope === "UNIT");
    return a.scope === "UNIT" || a.completion.total === 0 ? text : `${SCOPE_LABELS[a.scope]}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
  if (a.unitStatus === undefined || a.unitStatus === null) return `${unitName}: ingen uppgift i cykeln`;
  return `${unitName}: ${TASK_STATUS_LABELS[a.unitStatus].toLowerCase()}`;
}

/** Whether the mark gets the overdue sign: any unit behind, or the chosen unit's own task past its due date. */
export function isOverdueMark(a: WheelActivity, unitChosen: boolean, today: Date): boolean {
  if (!unitChosen || a.scope !== "UNIT") return a.completion.overdue > 0;
  return (a.unitStatus === "NOT_STARTED" || a.unitStatus === "IN_PROGRESS") && a.dueOn !== null && a.dueOn.getTime() < today.getTime();
}

/** The role in an activity mark's accessible name. */
export function activityRole(a: Pick<WheelActivity, "responsibleRole">): string {
  return a.responsibleRole ? ROLE_LABELS[a.responsibleRole] : "ansvarig roll saknas";
}

/** The accessible name of an activity mark: number, title, time, role and state (the tooltip's words with the role). */
export function activityLabel(a: WheelActivity, unitName: string | null, today: Date): string {
  return labelFromTip(activityTip(a, unitName, today), activityRole(a));
}

/** The tooltip of a mark (one line each): its number and full title, then its time and state. */
export function activityTip(a: WheelActivity, unitName: string | null, today: Date): string {
  const late = isOverdueMark(a, unitName !== null, today) && unitName !== null && a.scope === "UNIT" ? ", försenad" : "";
  return `${a.number}. ${a.title}\n${activityTime(a)}. ${activityState(a, unitName)}${late}`;
}

/** How to explore the view shown: the wheel's marks, or a quarter's or month's timeline rows (no wheel there). */
export function wheelIntro(kind: "year" | "quarter" | "month"): string {
  return kind === "year"
    ? "Peka på eller gå med Tab till en aktivitet i hjulet och tryck Enter. Piltangenterna flyttar medurs (höger, vänster) och mellan ringarna (upp, ner)."
    : "Klicka på en aktivitet i tidslinjen, eller gå dit med Tab och tryck Enter. Piltangenterna flyttar mellan aktiviteterna.";
}

/** The late units an activity's panel names; the rest are counted, with a link to the overview's list. */
export const OVERDUE_UNITS_NAMED = 10;

/** The links to the late units' tasks in an activity's panel (the first ten; a large verksamhet's rest in the overview). */
export function overdueLinks(a: WheelActivity, year: number): { href: string; label: string }[] {
  return [
    ...a.overdueUnits.slice(0, OVERDUE_UNITS_NAMED).map((u) => ({ href: `/checklista/uppgift/${u.taskId}`, label: u.name })),
    ...(a.overdueUnits.length > OVERDUE_UNITS_NAMED ? [{ href: `/oversikt?ar=${year}#forsenade`, label: `och ${a.overdueUnits.length - OVERDUE_UNITS_NAMED} till: se Översikt` }] : []),
  ];
}

/**
 * `lazy` leaves the description and the late units' links out (linksLabel stays, `more` says there is something to
 * fetch): /arshjul fetches them when a panel first shows an activity (wheelPanelMore, app/(app)/arshjul/panel/route.ts),
 * so that the page does not carry them for every activity (issue 35).
 */
export function activityDetail(a: WheelActivity, routineTitle: string, phaseName: string, unitName: string | null, today: Date, year: number, lazy = false): WheelDetail {
  const period = a.startsOn && a.dueOn ? ` (${formatDateLong(a.startsOn)} – ${formatDateLong(a.dueOn)})` : "";
  const late = isOverdueMark(a, unitName !== null, today) && unitName !== null && a.scope === "UNIT" ? " – försenad" : "";
  return {
    title: `${a.number}. ${a.title}`,
    rows: [
      // A unit's own activity stands in a routine's phase but is not the routine's: it concerns its unit alone (issue 32).
      { label: "Rutin", value: a.local ? `Enhetens egen aktivitet, i fasen ${phaseName} av ${routineTitle} (ingår inte i rutinens dokument)` : routineTitle },
      { label: "Fas", value: phaseName },
      { label: "Tid", value: `${activityTime(a)}${period}` },
      { label: "Ansvarig", value: a.responsibleRole ? ROLE_LABELS[a.responsibleRole] : "Saknas i rutinen" },
      { label: "Gäller", value: a.local ? `Bara ${unitName ?? "den egna enheten"}` : SCOPE_LABELS[a.scope] },
      { label: "Läge", value: `${activityState(a, unitName)}${late}` },
    ],
    ...(!lazy ? { text: a.description } : a.description || (unitName === null && a.overdueUnits.length > 0) ? { more: true as const } : {}),
    // The manager goes from the wheel to each late unit's task (the first ten; a large verksamhet's rest in the overview).
    ...(unitName === null && a.overdueUnits.length > 0
      ? {
          linksLabel: `Försenade enheter (${a.overdueUnits.length})`,
          ...(!lazy && { links: overdueLinks(a, year) }),
        }
      : {}),
  };
}

export function actionWho(a: WheelAction): string {
  return a.unitName ?? "Hela verksamheten";
}

export function actionLabel(a: WheelAction): string {
  const due = a.dueOn ? `klar senast ${formatDateLong(a.dueOn)}` : "inget slutdatum";
  return `Förbättringsåtgärd: ${a.title}. ${actionWho(a)}, ${due}. ${ACTION_STATUS_LABELS[a.status]}.`;
}

export function actionDetail(a: WheelAction): WheelDetail {
  return {
    title: a.title,
    rows: [
      { label: "Förbättringsåtgärd för", value: actionWho(a) },
      { label: "Indikator", value: a.indicatorName ?? "–" },
      { label: "Ansvarig", value: a.ownerName },
      { label: "Klar senast", value: a.dueOn ? formatDateLong(a.dueOn) : "Inget slutdatum" },
      { label: "Status", value: ACTION_STATUS_LABELS[a.status] },
    ],
  };
}

/** Socialstyrelsen's dates as detail rows; null when none is known. */
export function surveyDetail(survey: WheelData["survey"]): WheelDetail | null {
  if (!survey || !survey.dispatchOn || !survey.lastAnswerOn) return null;
  const date = (d: Date | null) => (d ? formatDateLong(d) : "Inte känt ännu");
  return {
    title: "Socialstyrelsens enkätperiod",
    rows: [
      { label: "Enkäterna skickas ut", value: date(survey.dispatchOn) },
      { label: "Påminnelse", value: date(survey.reminderOn) },
      { label: "Sista svarsdag", value: date(survey.lastAnswerOn) },
      { label: "Resultatet publiceras", value: date(survey.resultsPublishedOn) },
    ],
  };
}

export function surveyLabel(detail: WheelDetail): string {
  return `${detail.title}: ${detail.rows.map((r) => `${r.label.toLowerCase()} ${r.value}`).join(", ")}.`;
}

/** The details of every focusable mark, keyed as the marks' data-wheel-item; `lazy` as in activityDetail. */
export function wheelDetails(data: WheelData, lazy = false): Record<string, WheelDetail> {
  const unitName = data.unit?.name ?? null;
  const details: Record<string, WheelDetail> = {};
  for (const routine of data.routines) {
    for (const phase of routine.phases) {
      for (const a of phase.activities) details[a.id] = activityDetail(a, routine.title, phase.name, unitName, data.today, data.year, lazy);
    }
  }
  const survey = surveyDetail(data.survey);
  if (survey) details.survey = survey;
  for (const a of data.actions) details[`action:${a.id}`] = actionDetail(a);
  return details;
}

/** What a lazy detail leaves out (activityDetail's description and late units' links), keyed as wheelDetails. */
export type WheelDetailMore = Record<string, Pick<WheelDetail, "text" | "links">>;

export function wheelPanelMore(data: WheelData): WheelDetailMore {
  const more: WheelDetailMore = {};
  for (const routine of data.routines) {
    for (const phase of routine.phases) {
      for (const a of phase.activities) {
        const links = data.unit === null && a.overdueUnits.length > 0 ? overdueLinks(a, data.year) : undefined;
        if (a.description || links) more[a.id] = { ...(a.description && { text: a.description }), ...(links && { links }) };
      }
    }
  }
  return more;
}

/** One month of the agenda that stands in for the wheel on a phone: its activities with their state. */
export type AgendaMonth = {
  month: number;
  /** "December 2026": the month with its calendar year, since a cycle that starts in December spans two years. */
  name: string;
  /** Before today's month in the cycle shown: folded under "Tidigare månader". */
  past: boolean;
  items: { id: string; title: string; state: string; overdue: boolean }[];
};

/**
 * The wheel's activities month by month (by the month each begins) in the cycle's order, from its first month
 * (December for a verksamhet with the brukarundersökning, docs/decisions/020), for a narrow screen. The months before
 * today's are `past` when today lies in the cycle shown; another cycle (the ending one, a later one) has none past.
 */
export function wheelAgenda(data: Pick<WheelData, "routines" | "unit" | "today" | "year" | "firstMonth">): AgendaMonth[] {
  const unitName = data.unit?.name ?? null;
  const order = monthsInOrder(data.firstMonth);
  // todayMonthIn gives the cycle's first month when today lies outside the cycle shown: then nothing is past.
  const todayIndex = order.indexOf(todayMonthIn(data.year, data.today, data.firstMonth));
  const months: AgendaMonth[] = order.map((month, i) => ({
    month,
    name: `${capitalise(MONTH_NAMES[month - 1]!)} ${yearOfMonth(month, data.year, data.firstMonth)}`,
    past: i < todayIndex,
    items: [],
  }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const routine of data.routines) {
    for (const phase of routine.phases) {
      for (const a of phase.activities) {
        if (a.startMonth === null) continue;
        const overdue = isOverdueMark(a, unitName !== null, data.today);
        byMonth.get(a.startMonth)!.items.push({ id: a.id, title: wheelName(a), state: `${activityTime(a)}. ${activityState(a, unitName)}${overdue ? " – försenad" : ""}`, overdue });
      }
    }
  }
  return months.filter((m) => m.items.length > 0);
}

/** The ring number of each phase (1 = outermost), as the wheel draws them; keyed routineId:phaseKey. */
export function ringNumbers(data: WheelData): Map<string, number> {
  const keys = data.routines.flatMap((r) => r.phases.map((p) => `${r.id}:${p.key}`));
  return new Map(keys.map((k, i) => [k, i + 1]));
}

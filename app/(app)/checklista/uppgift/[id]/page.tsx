import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CurrentBadge, OverdueBadge, TaskStatusBadge } from "@/components/checklist/badges";
import { checklistHref } from "@/components/checklist/checklist-controls";
import { TaskHistoryList } from "@/components/checklist/task-history";
import { completedText, periodText, planView } from "@/components/checklist/task-view";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/routines/labels";
import { getTaskHistory } from "@/lib/tasks/queries";
import { PlanForm } from "@/components/planning/plan-form";
import { planTaskAction } from "../../actions";
import { BackLink } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Uppgiftens historik" };
export const dynamic = "force-dynamic";

export default async function TaskHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("task:read");
  const { id } = await params;
  const task = await getTaskHistory(user, id);
  if (!task) notFound();
  const role = task.activity.responsibleRole;
  const place = task.unit?.name ?? (task.assigneeKey === "COMMUNICATIONS" ? "Kommunikationsenheten" : "Hela verksamheten");
  const facts: [string, string][] = [
    ["Enhet", place],
    ["Cykel", String(task.cycle.year)],
    ["Fas", task.activity.phase.name],
    ["Ansvarig", role ? ROLE_LABELS[role] : "Ingen angiven"],
    ["Tid", periodText(task.startsOn, task.dueOn) ?? "Ingen månad angiven"],
  ];
  const plan = planView(task);
  facts.push(["Planerad", plan.text ? `${plan.text}${plan.warning ? `\nObservera: ${plan.warning}` : ""}` : "Inte planerad ännu"]);
  if (task.activity.ownerUnitId) facts.push(["Aktivitet", "Enhetens egen aktivitet, inte en del av rutinen"]);
  const completed = completedText(task);
  if (completed) facts.push(["Klar", completed.replace(/^Klar /, "")]);
  if (task.status === "NOT_APPLICABLE" && task.notApplicableReason) facts.push(["Ej aktuell eftersom", task.notApplicableReason]);
  if (task.comment) facts.push(["Senaste kommentar", task.comment]);

  return (
    <div className="space-y-6">
      <BackLink href={checklistHref(task.groupKey, task.cycle.year)}>Tillbaka till checklistan</BackLink>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{task.activity.title}</h1>
        <p className="flex flex-wrap gap-1">
          <TaskStatusBadge status={task.status} />
          {task.overdue && <OverdueBadge />}
          {task.current && <CurrentBadge />}
        </p>
        {task.activity.description && <p className="max-w-3xl">{task.activity.description}</p>}
      </div>
      <dl className="grid max-w-3xl grid-cols-1 gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="mb-2 whitespace-pre-line sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {task.canUpdate && (
        <Section id="planera" title={plan.text ? "Ändra planen" : "Planera"} narrow gap="3">
          <PlanForm taskId={task.id} version={task.version} title={task.activity.title} window={plan.window} values={plan.values} action={planTaskAction} />
        </Section>
      )}
      <Section id="historik" title="Historik" narrow gap="3">
        <p className="text-sm text-slate-700">Vem som gjorde vad och när, senaste händelsen först. Historiken kan inte ändras.</p>
        <TaskHistoryList events={task.events} />
      </Section>
    </div>
  );
}

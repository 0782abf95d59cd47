import { toTaskView } from "@/components/checklist/task-view";
import { canAny } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { getChecklistTask } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

const plain = (message: string, status: number) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * One task as the checklist shows it (TaskView, JSON), for the start page's activity panel, which renders the
 * checklist's TaskItem with it when the panel opens (docs/decisions/032). Authorised as the checklist: a task the
 * user may read, with canUpdate saying whether its forms are offered; the forms post to the checklist's actions,
 * which authorise every change again.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return plain("Logga in för att se uppgiften.", 401);
  if (!canAny(user, "task:read")) return plain("Du har inte behörighet till uppgiften.", 403);
  const task = await getChecklistTask(user, (await params).id, undefined, clock.today());
  if (!task) return plain("Uppgiften finns inte eller tillhör inte det du kan se.", 404);
  return Response.json({ task: toTaskView(task) }, { headers: { "Cache-Control": "no-store" } });
}

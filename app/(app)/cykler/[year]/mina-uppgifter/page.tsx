import { redirect } from "next/navigation";

/** A year's own tasks live in the checklist's year view; this address (linked from the cycle page) leads there. */
export default async function YearTasksPage({ params }: { params: Promise<{ year: string }> }) {
  const year = Number((await params).year);
  redirect(Number.isInteger(year) ? `/checklista?ar=${year}` : "/checklista");
}

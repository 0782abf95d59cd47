import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { STATE_LABELS } from "@/components/review/labels";
import { InterviewForm } from "@/components/review/interview-form";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDateIso, formatDateLong } from "@/lib/dates/cycle";
import { getReviewCase } from "@/lib/review/queries";
import { yearParam } from "@/lib/review/schemas";
import { saveInterviewAction } from "../../../actions";
import * as clock from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/section";

export const metadata: Metadata = { title: "Intervju" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ year: string; caseId: string }> };

export default async function InterviewPage({ params }: Props) {
  const user = await requirePermission("review:read");
  const { year: yearText, caseId } = await params;
  const year = yearParam(yearText);
  if (!year) notFound();
  const found = await getReviewCase(user, year, caseId);
  if (!found) notFound();
  const interview = found.interview;
  const canInterview = canAny(user, "review:interview") && found.state === "SAMPLED";

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        back={{ href: `/kvalitetsgranskning/${year}`, label: `Urvalet ${year}` }}
        title={<>Intervju {found.caseRef}</>}
        description={
          <>
          {found.areaName}, granskningen {year}. {STATE_LABELS[found.state]}
          {found.drawRank ? `, nummer ${found.drawRank} i områdets dragningsordning` : ""}.
          {interview && ` Senast sparad av ${found.interviewerName ?? "systemet (exempeldata)"}, version ${interview.version}.`}
          </>
        }
      />
      {!canInterview ? (
        <Notice>
          {found.state === "SAMPLED" ? "Du kan inte registrera intervjuer." : "Ärendet är inte i urvalet, så ingen intervju kan registreras för det."}
        </Notice>
      ) : (
        <InterviewForm
          action={saveInterviewAction}
          caseId={found.id}
          version={interview?.version ?? 0}
          values={
            interview
              ? {
                  ...interview,
                  interviewedOn: formatDateIso(interview.interviewedOn),
                  handedOverOn: interview.handedOverOn ? formatDateIso(interview.handedOverOn) : undefined,
                }
              : { interviewedOn: formatDateIso(clock.today()), documentedInJournal: false }
          }
        />
      )}
      {interview && !canInterview && (
        <p>
          Intervjuad {formatDateLong(interview.interviewedOn)}; {interview.deviation ? "avvikelse från beställningen" : "ingen avvikelse"}.
        </p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { DeclineForm } from "@/components/review/decline-form";
import { DrawForm } from "@/components/review/draw-form";
import { AreaSample } from "@/components/review/sample-list";
import { canAny } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDateLong, stockholmDate } from "@/lib/dates/cycle";
import { getReviewYear } from "@/lib/review/queries";
import { DEFAULT_SAMPLE_SIZE, yearParam } from "@/lib/review/schemas";
import { declineCaseAction, drawSampleAction } from "../actions";
import { plural } from "@/lib/plural";
import { PageHeader } from "@/components/ui/page-header";
import { Notice, Section } from "@/components/ui/section";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Kvalitetsgranskning ${yearParam((await params).year) ?? ""}`.trim() };
}
export const dynamic = "force-dynamic";

export default async function ReviewYearPage({ params }: Props) {
  const user = await requirePermission("review:read");
  const year = yearParam((await params).year);
  if (!year) notFound();
  const data = await getReviewYear(user, year);
  if (!data) notFound();
  const { review, areas } = data;
  const canManage = canAny(user, "review:manage");
  const cases = review?.cases ?? [];
  const excluded = cases.filter((c) => c.state === "EXCLUDED");
  const open = cases.filter((c) => c.state === "SAMPLED" && !c.interview);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/kvalitetsgranskning", label: "Kvalitetsgranskning" }}
        size="page"
        title={`Kvalitetsgranskning ${year}`}
        actions={review?.drawnAt && <ButtonLink href={`/kvalitetsgranskning/${year}/sammanstallning`}>Sammanställning {year}</ButtonLink>}
      />

      {!review ? (
        <Notice>
          Ingen ärendelista är importerad för {year}.{" "}
          {canManage && (
            <Link href={`/kvalitetsgranskning/importera?ar=${year}`} className="font-semibold text-blue-800 underline">
              Importera ärendelistan
            </Link>
          )}
        </Notice>
      ) : (
        <Section id="dragning" title="Dragningen" card gap="3">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Ärenden i listan</dt>
            <dd>
              {cases.length} ({areas.map((a) => `${a.name} ${cases.filter((c) => c.areaId === a.id).length}`).join(", ")})
            </dd>
            {review.drawnAt && (
              <>
                <dt className="font-semibold">Dragen</dt>
                <dd>
                  {formatDateLong(stockholmDate(review.drawnAt))} av {data.drawnByName ?? "systemet (exempeldata)"}, {plural(review.sampleSizePerArea ?? 0, "ärende", "ärenden")} per område
                </dd>
                <dt className="font-semibold">Slumpfrö</dt>
                <dd>
                  <code>{review.randomSeed}</code>{" "}
                  {data.reproducible ? "– en ny dragning med samma frö ger exakt samma urval (kontrollerat nu)." : "– varning: en ny dragning med fröet ger inte samma ordning."}
                  <p className="mt-1 text-sm text-slate-700">Slumpfröet är koden som styrde lottningen. Den sparas så att vem som helst i efterhand kan kontrollera att urvalet drogs slumpvis och inte valdes ut.</p>
                </dd>
                <dt className="font-semibold">Undantagna</dt>
                <dd>{plural(excluded.length, "ärende", "ärenden")} enligt rutinens regler</dd>
              </>
            )}
          </dl>
          {!review.drawnAt && canManage && (
            <>
              <p>
                <Link href={`/kvalitetsgranskning/importera?ar=${year}`} className="text-blue-800 underline">
                  Importera fler ärenden
                </Link>
              </p>
              <DrawForm action={drawSampleAction} year={year} defaultSize={review.sampleSizePerArea ?? DEFAULT_SAMPLE_SIZE} />
            </>
          )}
          {!review.drawnAt && !canManage && <p>Urvalet är inte draget ännu. Kvalitetshandläggaren drar det.</p>}
        </Section>
      )}

      {review?.drawnAt && (
        <>
          <section aria-labelledby="urvalet" className="space-y-4">
            <h2 id="urvalet" className="text-2xl font-semibold">
              Urvalet
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              {areas.map((a) => (
                <AreaSample
                  key={a.id}
                  year={year}
                  areaName={a.name}
                  cases={cases.filter((c) => c.areaId === a.id && (c.state === "SAMPLED" || c.state === "DECLINED"))}
                  reserves={cases.filter((c) => c.areaId === a.id && c.state === "POOL" && c.drawRank !== null).length}
                />
              ))}
            </div>
          </section>
          {open.length > 0 && (
            <Section id="avbojer" title="Brukaren vill inte medverka" card gap="3">
              <p className="text-slate-700">Ärendet markeras som avböjt med skälet, och nästa ärende i samma områdes dragningsordning tar dess plats.</p>
              <DeclineForm action={declineCaseAction} cases={open.map((c) => ({ id: c.id, caseRef: c.caseRef, areaName: areaName.get(c.areaId) ?? "" }))} />
            </Section>
          )}
          <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="cursor-pointer font-semibold text-blue-900">Undantagna ärenden ({excluded.length})</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {excluded.map((c) => (
                <li key={c.id}>
                  {c.caseRef} ({areaName.get(c.areaId)}): {c.exclusionReason}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}

import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { wheelViewQuery, type WheelView } from "@/lib/wheel/views";

type Shown = { year?: number; unitId?: string | null; view: WheelView; hidden: readonly string[] };

/** The wheel's address with the shown year, unit, zoom and layers, plus `extra` (format, paper). */
export function wheelExportHref(path: string, shown: Shown, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(wheelViewQuery(shown).slice(1));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString().replaceAll("%2C", ",");
  return s ? `${path}?${s}` : path;
}

/**
 * "Ladda ner" (SVG, PNG) and "Skriv ut" of the wheel as shown: the files and the print view get the same query. With
 * `canShare` (the user may make share links, issue 33) also "Dela årshjulet", to /arshjul/dela.
 */
export function WheelExportLinks({ shown, canShare = false }: { shown: Shown; canShare?: boolean }) {
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Ladda ner eller skriv ut hjulet">
        <ButtonAnchor href={wheelExportHref("/arshjul/bild", shown, { format: "png" })} download variant="secondary" printable={false}>
          Ladda ner PNG
        </ButtonAnchor>
        <ButtonAnchor href={wheelExportHref("/arshjul/bild", shown, { format: "svg" })} download variant="secondary" printable={false}>
          Ladda ner SVG
        </ButtonAnchor>
        <ButtonLink href={wheelExportHref("/arshjul/utskrift", shown)} variant="secondary" printable={false}>
          Skriv ut
        </ButtonLink>
      </div>
      {canShare && (
        <ButtonLink href="/arshjul/dela" variant="secondary" printable={false}>
          Dela årshjulet
        </ButtonLink>
      )}
    </div>
  );
}

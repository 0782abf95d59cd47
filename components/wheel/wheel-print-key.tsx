import type { WheelData } from "@/lib/wheel/data";
import { wheelName } from "@/lib/wheel/labels";

/** On paper only: the numbered activities, so the printed wheel can be read without a screen. */
export function WheelPrintKey({ data }: { data: WheelData }) {
  return (
    <ol className="wheel-print-key hidden print:block" aria-hidden="true">
      {data.routines.flatMap((r) =>
        r.phases.flatMap((p) =>
          p.activities.map((a) => (
            <li key={a.id}>
              <strong>{a.number}</strong> {wheelName(a)}
            </li>
          )),
        ),
      )}
    </ol>
  );
}

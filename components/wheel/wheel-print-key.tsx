import type { WheelData } from "@/lib/wheel/data";
import { wheelName } from "@/lib/wheel/labels";
import { WheelPrintKeyList } from "./wheel-print-key-list";

/**
 * On paper only: the numbered activities, so the printed wheel can be read without a screen. Sent as a flat list of
 * number and name to a client component (the page's data carries each pair once, not an element per line, issue 35).
 */
export function WheelPrintKey({ data }: { data: WheelData }) {
  return <WheelPrintKeyList items={data.routines.flatMap((r) => r.phases.flatMap((p) => p.activities.map((a): [string, string] => [a.number, wheelName(a)])))} />;
}

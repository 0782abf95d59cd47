import type { WheelDetail } from "./view";

/**
 * The details panel's content of every mark, with each distinct text once (issue 35): a routine's title, a phase's
 * name, "Varje enhet", a role or a unit's name stand in the panel of many activities, but travel in the page's data
 * once. `strings` holds the texts; every detail is a list of indexes into it:
 * [title, text (−1: none, −3: `more`, to be fetched), linksLabel (−1), ...rows as label, value, ..., −2, ...links as href, label].
 * With `marks` (the wheel's [id, title] in its order, wheel-wire.ts wireMarks) a detail of a mark is keyed "#<its
 * place>" instead of its id, and a title that is the same as the mark's is −1: both taken from the wheel's data.
 */
export type CompactDetails = { strings: string[]; details: Record<string, number[]> };

/** The task pages' common start, left out of each overdue unit's link. */
const TASK_PATH = "/checklista/uppgift/";

type Marks = readonly (readonly [id: string, title: string])[];

export function compactDetails(details: Record<string, WheelDetail>, marks: Marks = []): CompactDetails {
  const titles = new Map(marks);
  const place = new Map(marks.map(([id], i) => [id, i]));
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const out: Record<string, number[]> = {};
  for (const [id, d] of Object.entries(details)) {
    const item = [titles.get(id) === d.title ? -1 : at(d.title), d.text ? at(d.text) : d.more ? -3 : -1, d.linksLabel ? at(d.linksLabel) : -1];
    for (const row of d.rows) item.push(at(row.label), at(row.value));
    if (d.links) {
      item.push(-2);
      for (const link of d.links) item.push(at(link.href.startsWith(TASK_PATH) ? `~${link.href.slice(TASK_PATH.length)}` : link.href), at(link.label));
    }
    out[place.has(id) ? `#${place.get(id)}` : id] = item;
  }
  return { strings, details: out };
}

export function expandDetails({ strings, details }: CompactDetails, marks: Marks = []): Record<string, WheelDetail> {
  const out: Record<string, WheelDetail> = {};
  const titles = new Map(marks);
  for (const [key, item] of Object.entries(details)) {
    const id = key.startsWith("#") ? (marks[Number(key.slice(1))]?.[0] ?? key) : key;
    const [title, text, linksLabel] = item as [number, number, number];
    const detail: WheelDetail = { title: title >= 0 ? strings[title]! : (titles.get(id) ?? ""), rows: [] };
    if (text >= 0) detail.text = strings[text]!;
    if (text === -3) detail.more = true;
    if (linksLabel >= 0) detail.linksLabel = strings[linksLabel]!;
    let i = 3;
    for (; i < item.length && item[i] !== -2; i += 2) detail.rows.push({ label: strings[item[i]!]!, value: strings[item[i + 1]!]! });
    if (item[i] === -2) {
      detail.links = [];
      for (i += 1; i < item.length; i += 2) {
        const href = strings[item[i]!]!;
        detail.links.push({ href: href.startsWith("~") ? `${TASK_PATH}${href.slice(1)}` : href, label: strings[item[i + 1]!]! });
      }
    }
    out[id] = detail;
  }
  return out;
}

/**
 * A fake of Kolada's v3 API on a loopback port (node:http, port 0), serving the documented JSON shape:
 * `{ values, count, next_url }` with paging, for /data/kpi/{kpis}/municipality/{ids}/year/{years},
 * /oudata/kpi/{kpis}/ou/{ids}/year/{years} and /ou/{ids}. A test sets `behaviour` to make it fail in one way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRow = { kpi: string; municipality?: string; ou?: string; period: number | string; isdeleted?: boolean; values: { gender: string; count: number; status: string; value: number | null }[] };
export type FakeOu = { id: string; title: string; municipality: string };
export type Behaviour =
  | "normal"
  | "status-429"
  | "status-500"
  | "not-json"
  | "endless"
  | "hang"
  | "fail-second-page"
  | "no-values"
  /** The OU answer also holds a row for an OU that was not asked for. */
  | "stray-ou"
  /** The municipality answer also holds a row for a KPI that was not asked for. */
  | "stray-kpi";

export type FakeKolada = {
  baseUrl: string;
  rows: FakeRow[];
  ous: FakeOu[];
  behaviour: Behaviour;
  /** Rows per page (Kolada's is per_page, up to 5000): small, so that every test pages. */
  pageSize: number;
  /** Paths asked for, in order. */
  requests: string[];
  close: () => Promise<void>;
};

export const totals = (value: number | null, extra: { gender: string; value: number | null }[] = []) => [
  { gender: "T", count: 1, status: "", value },
  ...extra.map((e) => ({ ...e, count: 1, status: "" })),
];

function paged(fake: FakeKolada, url: URL, all: unknown[], res: ServerResponse) {
  const page = Number(url.searchParams.get("page") ?? "1");
  const size = Math.min(fake.pageSize, Number(url.searchParams.get("per_page") ?? "5000"));
  const values = all.slice((page - 1) * size, page * size);
  const next = new URL(url);
  next.searchParams.set("page", String(page + 1));
  const more = fake.behaviour === "endless" || page * size < all.length;
  if (fake.behaviour === "fail-second-page" && page === 2) return send(res, 500, "Internal Server Error");
  send(res, 200, JSON.stringify({ count: values.length, values, ...(more ? { next_url: next.href } : {}), ...(page > 1 ? { previous_url: url.href } : {}) }));
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": status === 200 ? "application/json" : "text/plain" });
  res.end(body);
}

const ids = (segment: string) => decodeURIComponent(segment).split(",");

function handle(fake: FakeKolada, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", fake.baseUrl);
  fake.requests.push(url.pathname + url.search);
  if (fake.behaviour === "hang") return; // never answers: the client's timeout must end it
  if (fake.behaviour === "status-429") return send(res, 429, "Too Many Requests");
  if (fake.behaviour === "status-500") return send(res, 500, "Internal Server Error");
  if (fake.behaviour === "not-json") return send(res, 200, "<html><body>Underhåll pågår</body></html>");
  if (fake.behaviour === "no-values") return send(res, 200, JSON.stringify({ count: 0, results: [] }));
  const parts = url.pathname.replace(/^\/v3\//, "").split("/");
  const [kind] = parts;
  if (kind === "data" && parts[1] === "kpi" && parts[3] === "municipality" && parts[5] === "year") {
    const [kpis, places, years] = [ids(parts[2]!), ids(parts[4]!), ids(parts[6]!)];
    if (kpis.length > 25 || places.length > 25) return send(res, 400, "Too many ids");
    const rows = fake.rows.filter((r) => r.municipality && kpis.includes(r.kpi) && places.includes(r.municipality) && years.includes(String(r.period)));
    if (fake.behaviour === "stray-kpi") rows.push({ kpi: "U00001", municipality: places[0]!, period: Number(years[0]), values: totals(50) });
    return paged(fake, url, rows, res);
  }
  if (kind === "oudata" && parts[1] === "kpi" && parts[3] === "ou" && parts[5] === "year") {
    const [kpis, places, years] = [ids(parts[2]!), ids(parts[4]!), ids(parts[6]!)];
    if (kpis.length > 25 || places.length > 25) return send(res, 400, "Too many ids");
    const rows = fake.rows.filter((r) => r.ou && kpis.includes(r.kpi) && places.includes(r.ou) && years.includes(String(r.period)));
    if (fake.behaviour === "stray-ou") rows.push({ kpi: kpis[0]!, ou: "V21E999999999", period: Number(years[0]), values: totals(80) });
    return paged(fake, url, rows, res);
  }
  if (kind === "ou" && parts[1]) {
    const wanted = ids(parts[1]);
    if (wanted.length > 25) return send(res, 400, "Too many ids");
    return paged(fake, url, fake.ous.filter((o) => wanted.includes(o.id)), res);
  }
  send(res, 404, "Not Found");
}

/** Starts the fake on 127.0.0.1 with a free port; its base address ends in /v3 as Kolada's does. */
export async function startFakeKolada(init: { rows?: FakeRow[]; ous?: FakeOu[]; pageSize?: number } = {}): Promise<FakeKolada> {
  const fake: FakeKolada = { baseUrl: "", rows: init.rows ?? [], ous: init.ous ?? [], behaviour: "normal", pageSize: init.pageSize ?? 2, requests: [], close: async () => {} };
  const server = createServer((req, res) => handle(fake, req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultKoladaYear, fetchKolada, koladaUrls, readKoladaAnswer, type KoladaAnswer, type KoladaContext } from "@/lib/results/kolada";
import { startFakeKolada, totals, type FakeKolada, type FakeRow } from "../support/fake-kolada";

const KOMMUN = "1480";
const GRANEN = "V21E148000101";
const LARKAN = "V21E148000102";
const ctx: KoladaContext = {
  year: 2025,
  municipalityId: KOMMUN,
  indicators: [{ id: "ind-hel", name: "Helhetssyn", koladaKpi: "U21468" }],
  units: [
    { id: "u-granen", name: "Granen", koladaOuId: GRANEN },
    { id: "u-larkan", name: "Lärkan", koladaOuId: LARKAN },
  ],
};
const query = { year: 2025, municipalityId: KOMMUN, kpis: ["U21468"], ouIds: [GRANEN, LARKAN] };
const ous = [
  { id: GRANEN, title: "Granen hemtjänst", municipality: KOMMUN },
  { id: LARKAN, title: "Lärkan hemtjänst", municipality: KOMMUN },
];
const rows: FakeRow[] = [
  { kpi: "U21468", municipality: KOMMUN, period: 2025, values: totals(84.5, [{ gender: "K", value: 86 }, { gender: "M", value: 81 }]) },
  { kpi: "U21468", municipality: "0000", period: "2025", values: totals(86) },
  { kpi: "U21468", ou: GRANEN, period: 2025, isdeleted: true, values: totals(12) },
  { kpi: "U21468", ou: GRANEN, period: 2025, values: totals(91) },
  { kpi: "U21468", ou: LARKAN, period: 2025, values: totals(null) },
];

const answer = (over: Partial<KoladaAnswer> = {}): KoladaAnswer => ({
  municipalityRows: rows.filter((r) => r.municipality),
  ouRows: rows.filter((r) => r.ou),
  ous,
  ...over,
});

describe("Kolada's addresses", () => {
  it("puts at most 25 ids in a path segment, asks for 5000 rows a page and uses the v3 paths", () => {
    const many = Array.from({ length: 30 }, (_, i) => `V21E1480${String(i).padStart(5, "0")}`);
    const urls = koladaUrls({ ...query, ouIds: many }, "https://api.kolada.se/v3/");
    expect(urls.municipality).toEqual([`https://api.kolada.se/v3/data/kpi/U21468/municipality/${KOMMUN},0000/year/2025?per_page=5000`]);
    expect(urls.ou).toHaveLength(2);
    expect(urls.ouMeta).toHaveLength(2);
    expect(urls.ou[0]).toMatch(/^https:\/\/api\.kolada\.se\/v3\/oudata\/kpi\/U21468\/ou\/[^/]+\/year\/2025\?per_page=5000$/);
    expect(urls.ou.map((u) => u.split("/ou/")[1]!.split("/")[0]!.split(",").length)).toEqual([25, 5]);
    expect(urls.ouMeta[1]).toBe(`https://api.kolada.se/v3/ou/${many.slice(25).join(",")}?per_page=5000`);
  });
});

describe("the year the fetch form proposes", () => {
  it("is this year from October, when the survey's results are in Kolada, and last year before", () => {
    expect(defaultKoladaYear(new Date(Date.UTC(2026, 8, 30)))).toBe(2025);
    expect(defaultKoladaYear(new Date(Date.UTC(2026, 9, 1)))).toBe(2026);
    expect(defaultKoladaYear(new Date(Date.UTC(2027, 0, 15)))).toBe(2026);
  });
});

describe("reading Kolada's answer", () => {
  it("reads kommun, riket and units, period as number or text, skipping deleted rows, null values and K/M", () => {
    const read = readKoladaAnswer(answer(), ctx);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rows.map((r) => [r.level, r.levelKey, r.placeName, r.value])).toEqual([
      ["KOMMUN", "KOMMUN", `Kommunen (${KOMMUN})`, 84.5],
      ["RIKET", "RIKET", "Riket", 86],
      ["UNIT", "u-granen", "Granen", 91],
    ]);
    expect(read.rows.every((r) => r.year === 2025 && r.indicatorId === "ind-hel" && r.respondents === null)).toBe(true);
    expect(read.notes).toEqual(["1 värde saknas i Kolada och hoppas över: Helhetssyn för Lärkan.", "1 rad som Kolada har markerat som borttagen hoppas över."]);
  });

  it("refuses an unknown KPI, a value outside 0–100, a duplicate, another year and another kommun, naming the row", () => {
    const read = readKoladaAnswer(
      answer({
        municipalityRows: [
          { kpi: "U99999", municipality: KOMMUN, period: 2025, values: totals(80) },
          { kpi: "U21468", municipality: KOMMUN, period: 2025, values: totals(140) },
          { kpi: "U21468", municipality: "0000", period: 2025, values: totals(86) },
          { kpi: "U21468", municipality: "0000", period: "2025", values: totals(87) },
          { kpi: "U21468", municipality: "0000", period: 2024, values: totals(85) },
          { kpi: "U21468", municipality: "0180", period: 2025, values: totals(85) },
          { kpi: "U21468", period: 2025, values: "ej en lista" },
        ],
      }),
      ctx,
    );
    expect(read).toEqual({
      ok: false,
      message: "Koladas svar innehåller 6 fel. Inget har importerats.",
      details: [
        "Rad 1: nyckeltalet ”U99999” är inte kopplat till någon indikator. Kopplade: U21468.",
        "Rad 2: värdet 140 för Helhetssyn, Kommunen (1480) ligger utanför 0–100.",
        "Rad 4 är en dubblett av rad 3 (Helhetssyn, Riket, 2025).",
        "Rad 5: perioden ”2024” är inte det efterfrågade året 2025.",
        "Rad 6: kommunen ”0180” efterfrågades inte (bara 1480 och riket 0000).",
        "Rad 7 i Koladas svar har inte det väntade formatet.",
      ],
    });
  });

  it("refuses an unknown OU: a mapped id Kolada does not know, one of another kommun, and a row for an OU not asked for", () => {
    const read = readKoladaAnswer(
      answer({
        ous: [{ id: LARKAN, title: "Lärkan", municipality: "0180" }],
        ouRows: [...answer().ouRows, { kpi: "U21468", ou: "V21E999999999", period: 2025, values: totals(70) }],
      }),
      ctx,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.details).toEqual([
      `Kolada känner inte till enhets-id ”${GRANEN}” (Granen). Kontrollera id:t under ”Inställningar för Kolada”.`,
      `Enhets-id ”${LARKAN}” (Lärkan) hör till kommun 0180 i Kolada, inte till 1480.`,
      "Rad 6: enhets-id ”V21E999999999” är inte kopplat till någon enhet i Årshjulet.",
    ]);
  });

  it("refuses an answer without a single value", () => {
    const empty = readKoladaAnswer(answer({ municipalityRows: [{ kpi: "U21468", municipality: KOMMUN, period: 2025, values: totals(null) }], ouRows: [] }), ctx);
    expect(empty).toEqual({ ok: false, message: "Kolada har inga värden för 2025 för nyckeltalen U21468 (kommunen, riket eller de kopplade enheterna). Inget har importerats." });
    expect(readKoladaAnswer({ municipalityRows: [], ouRows: [], ous }, ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/^Kolada har inga värden för 2025/) });
  });
});

describe("fetching from a fake Kolada on a loopback port", () => {
  let fake: FakeKolada;
  beforeAll(async () => {
    fake = await startFakeKolada({ rows, ous, pageSize: 2 });
  });
  beforeEach(() => {
    fake.behaviour = "normal";
    fake.requests.length = 0;
  });
  afterAll(() => fake?.close());

  it("follows next_url through every page and reads the whole answer", async () => {
    const fetched = await fetchKolada(query, { baseUrl: fake.baseUrl });
    expect(fetched.ok).toBe(true);
    if (!fetched.ok) return;
    expect(fake.requests).toEqual([
      `/v3/data/kpi/U21468/municipality/${KOMMUN},0000/year/2025?per_page=5000`,
      `/v3/ou/${GRANEN},${LARKAN}?per_page=5000`,
      `/v3/oudata/kpi/U21468/ou/${GRANEN},${LARKAN}/year/2025?per_page=5000`,
      `/v3/oudata/kpi/U21468/ou/${GRANEN},${LARKAN}/year/2025?per_page=5000&page=2`,
    ]);
    const read = readKoladaAnswer(fetched.answer, ctx);
    expect(read.ok && read.rows.map((r) => r.value)).toEqual([84.5, 86, 91]);
  });

  it.each([
    ["status-429", /^Kolada tar just nu emot för många frågor \(HTTP 429\)\. Inget har importerats\./],
    ["status-500", /^Kolada svarade med ett serverfel \(HTTP 500\)\. Inget har importerats\./],
    ["not-json", /^Koladas svar kunde inte läsas: det var inte JSON\. Inget har importerats\.$/],
    ["no-values", /^Koladas svar hade inte det väntade formatet/],
    ["fail-second-page", /^Kolada svarade med ett serverfel \(HTTP 500\)/],
  ] as const)("answers %s with one Swedish message and no rows", async (behaviour, message) => {
    fake.behaviour = behaviour;
    const fetched = await fetchKolada(query, { baseUrl: fake.baseUrl });
    expect(fetched).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("stops paging that never ends", async () => {
    fake.behaviour = "endless";
    const fetched = await fetchKolada(query, { baseUrl: fake.baseUrl, maxPages: 4 });
    expect(fetched).toEqual({ ok: false, message: "Koladas svar tog aldrig slut: efter 4 sidor pekade det fortfarande vidare till en sida till. Inget har importerats." });
    expect(fake.requests).toHaveLength(4);
  });

  it("gives up on an answer that does not come in time", async () => {
    fake.behaviour = "hang";
    const fetched = await fetchKolada(query, { baseUrl: fake.baseUrl, timeoutMs: 300 });
    expect(fetched).toEqual({ ok: false, message: "Kolada svarade inte inom 1 sekund. Inget har importerats. Försök igen senare." });
  });

  it("says in one line that Kolada cannot be reached when nothing listens", async () => {
    const gone = await startFakeKolada();
    await gone.close();
    const fetched = await fetchKolada(query, { baseUrl: gone.baseUrl });
    expect(fetched.ok).toBe(false);
    if (fetched.ok) return;
    expect(fetched.message).toBe(`Kolada kunde inte nås (${new URL(gone.baseUrl).host}): servern har ingen förbindelse dit. Inget har importerats. Kontrollera nätverket eller KOLADA_BASE_URL.`);
    expect(fetched.message).not.toMatch(/\n/);
  });

  it("sends a proxy's next page through the proxy when Kolada's next_url names api.kolada.se", async () => {
    const proxied = await startFakeKolada({ rows, ous, pageSize: 5000 });
    // The fake answers its own address; a rewritten next_url must come back to it, not go to api.kolada.se.
    const original = globalThis.fetch;
    let first = true;
    globalThis.fetch = async (input, init) => {
      const response = await original(input, init);
      if (!first) return response;
      first = false;
      const body = (await response.json()) as object;
      return new Response(JSON.stringify({ ...body, next_url: "https://api.kolada.se/v3/data/kpi/U21468/municipality/1480,0000/year/2025?per_page=5000&page=2" }), { status: 200 });
    };
    try {
      const fetched = await fetchKolada(query, { baseUrl: proxied.baseUrl });
      expect(fetched.ok).toBe(true);
      expect(proxied.requests[1]).toBe(`/v3/data/kpi/U21468/municipality/${KOMMUN},0000/year/2025?per_page=5000&page=2`);
    } finally {
      globalThis.fetch = original;
      await proxied.close();
    }
  });
});

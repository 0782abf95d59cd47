import { totals, type FakeOu, type FakeRow } from "../support/fake-kolada";

/**
 * What the browser tests' fake Kolada serves: 2023, a year the seed has no values for (it fills the two years before
 * the servers' today), so fetching it changes nothing another journey reads.
 */
export const E2E_KOLADA_YEAR = 2023;
export const E2E_KOMMUN = "1480";
export const E2E_OUS = { Granen: "V21E148000101", Lärkan: "V21E148000102" } as const;
const ous: FakeOu[] = Object.entries(E2E_OUS).map(([title, id]) => ({ id, title, municipality: E2E_KOMMUN }));
const rows: FakeRow[] = [
  { kpi: "U21468", municipality: E2E_KOMMUN, period: E2E_KOLADA_YEAR, values: totals(84.5, [{ gender: "K", value: 86 }]) },
  { kpi: "U21468", municipality: "0000", period: String(E2E_KOLADA_YEAR), values: totals(86) },
  { kpi: "U21468", ou: E2E_OUS.Granen, period: E2E_KOLADA_YEAR, values: totals(91) },
  { kpi: "U21468", ou: E2E_OUS.Lärkan, period: E2E_KOLADA_YEAR, isdeleted: true, values: totals(12) },
  { kpi: "U21468", ou: E2E_OUS.Lärkan, period: E2E_KOLADA_YEAR, values: totals(null) },
];
export const E2E_KOLADA = { rows, ous, pageSize: 2 };

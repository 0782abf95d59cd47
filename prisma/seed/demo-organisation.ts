import type { Role } from "../../lib/db/generated/enums.ts";

/**
 * A clearly fictional demo organisation: Exempelstads hemtjänst, 4 områden with 3–4 enheter each.
 * No real person, address or client appears here.
 */
export const DEMO_ORGANISATION = {
  slug: "exempelstad-hemtjanst",
  name: "Hemtjänsten i Exempelstad (demo)",
  areas: [
    { name: "Område Norr", units: ["Lärkan", "Tallbacken", "Ekdungen"] },
    { name: "Område Söder", units: ["Sjöviken", "Solrosen", "Hagen", "Björkliden"] },
    { name: "Område Öster", units: ["Ängen", "Måsen", "Granen"] },
    { name: "Område Väster", units: ["Vallmon", "Bäcken", "Linden", "Kastanjen"] },
  ],
} as const;

export { DEMO_PASSWORD } from "../../lib/auth/demo-accounts.ts";

export type DemoUser = { email: string; name: string; roles: { role: Role; units: string[] | "ALL" }[] };

export const DEMO_USERS: DemoUser[] = [
  { email: "enhetschef@arshjulet.example", name: "Demo Enhetschef", roles: [{ role: "ENHETSCHEF", units: ["Lärkan", "Tallbacken"] }] },
  { email: "koordinator@arshjulet.example", name: "Demo Koordinator", roles: [{ role: "KOORDINATOR", units: ["Lärkan"] }] },
  { email: "verksamhetschef@arshjulet.example", name: "Demo Verksamhetschef", roles: [{ role: "VERKSAMHETSCHEF", units: "ALL" }] },
  { email: "utvecklare@arshjulet.example", name: "Demo Verksamhetsutvecklare", roles: [{ role: "VERKSAMHETSUTVECKLARE", units: "ALL" }] },
  { email: "kommunikator@arshjulet.example", name: "Demo Kommunikatör", roles: [{ role: "KOMMUNIKATOR", units: "ALL" }] },
  { email: "admin@arshjulet.example", name: "Demo Administratör", roles: [{ role: "ADMIN", units: "ALL" }] },
  { email: "handlaggare@arshjulet.example", name: "Demo Biståndshandläggare", roles: [{ role: "BISTANDSHANDLAGGARE", units: "ALL" }] },
  { email: "kvalitetshandlaggare@arshjulet.example", name: "Demo Kvalitetshandläggare", roles: [{ role: "KVALITETSHANDLAGGARE", units: "ALL" }] },
];

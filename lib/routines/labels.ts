import type { ActivityKind, ActivityScope, Role, Timing } from "../db/generated/enums.ts";

export const ROLE_LABELS: Record<Role, string> = {
  ENHETSCHEF: "Enhetschef",
  KOORDINATOR: "Koordinator",
  VERKSAMHETSCHEF: "Verksamhetschef",
  VERKSAMHETSUTVECKLARE: "Verksamhetsutvecklare",
  KOMMUNIKATOR: "Kommunikationsenheten",
  ADMIN: "Administratör",
  BISTANDSHANDLAGGARE: "Biståndshandläggare",
  KVALITETSHANDLAGGARE: "Kvalitetshandläggare",
};

/** A responsible role in words, "Saknas" where the routine names none. */
export const roleLabel = (role: Role | null): string => (role ? ROLE_LABELS[role] : "Saknas");

export const SCOPE_LABELS: Record<ActivityScope, string> = {
  UNIT: "Varje enhet",
  ORGANISATION: "Hela verksamheten",
  COMMUNICATIONS: "Kommunikationsenheten",
};

export const KIND_LABELS: Record<ActivityKind, string> = {
  CHECKLIST: "Kontrollpunkt",
  LETTER: "Brukarbrev",
  USER_CAFE: "Brukarfika",
  WORKSHOP: "Workshop",
  APT: "APT",
  MEETING: "Möte",
  COMMUNICATION: "Kommunikation",
};

export const TIMING_LABELS: Record<Timing, string> = {
  MONTH: "En månad",
  SPAN: "Period",
  CONTINUOUS: "Löpande",
};

export const ROUTINE_STATUS_LABELS: Record<"DRAFT" | "ACTIVE" | "ARCHIVED", string> = {
  DRAFT: "Utkast",
  ACTIVE: "Gällande",
  ARCHIVED: "Arkiverad",
};

/** Activity fields as the editor, the compare view and import messages name them. */
export const ACTIVITY_FIELD_LABELS: Record<string, string> = {
  key: "nyckel",
  phase: "fas",
  title: "rubrik",
  shortName: "kortnamn",
  description: "beskrivning",
  responsibleRole: "ansvarig roll",
  timing: "tidpunkt",
  startMonth: "startmånad",
  endMonth: "slutmånad",
  scope: "gäller",
  kind: "typ",
  letterNumber: "brevnummer",
  templateRef: "mall",
  note: "motivering",
};

/** Version (document) fields as the compare view and import messages name them. */
export const VERSION_FIELD_LABELS: Record<string, string> = {
  format: "format",
  key: "nyckel",
  title: "titel",
  colour: "färg",
  decidedBy: "beslutad av",
  decidedOn: "beslutsdatum",
  documentOwner: "dokumentansvarig",
  validUntil: "giltighet",
  replacesText: "dokumentet ersätter",
  purpose: "syfte",
};

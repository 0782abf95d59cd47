import type { ActivityKind, ActivityScope, Role, Timing } from "../db/generated/enums.ts";

export const ROLE_LABELS: Record<Role, string> = {
  ENHETSCHEF: "Enhetschef",
  KOORDINATOR: "Koordinator",
  VERKSAMHETSCHEF: "Verksamhetschef",
  VERKSAMHETSUTVECKLARE: "Verksamhetsutvecklare",
  KOMMUNIKATOR: "Kommunikationsenheten",
  ADMIN: "Administratör",
};

export const SCOPE_LABELS: Record<ActivityScope, string> = {
  UNIT: "Varje enhet",
  ORGANISATION: "Hela verksamheten",
  COMMUNICATIONS: "Kommunikationsenheten",
};

export const KIND_LABELS: Record<ActivityKind, string> = {
  CHECKLIST: "Checkpunkt",
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

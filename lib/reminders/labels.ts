import type { EmailPreference } from "../db/generated/enums.ts";

/** Zod-free, for client components (issue 35). */
export const EMAIL_PREFERENCE_LABELS: Record<EmailPreference, { label: string; hint: string }> = {
  ALL: { label: "Alla påminnelser", hint: "Ett meddelande för varje uppgift före, på och efter förfallodagen, och en sammanfattning varje vecka." },
  DIGEST_ONLY: { label: "Bara veckosammanfattning", hint: "Ett meddelande i veckan med veckans och de försenade uppgifterna." },
  NONE: { label: "Ingen e-post", hint: "Du ser dina uppgifter i Årshjulet, men får inga meddelanden." },
};

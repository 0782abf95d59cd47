import type { FlashTexts } from "../flash.ts";
import { CONTROL_CHARACTER_MESSAGE, UNEXPECTED_ERROR, UNREADABLE_FORM } from "../forms.ts";
import { SCOPE_REQUIRED } from "./schemas.ts";

/**
 * A new or changed e-mail that another account holds, in this verksamhet or any other: the same words whichever, and
 * never "exists" or where (decision 031). The admin sees the own verksamhet's accounts in the list anyway.
 */
export const EMAIL_UNAVAILABLE = "E-postadressen kan inte användas. Finns personen redan i listan, ändra det kontot; annars kontakta den som förvaltar Årshjulet.";

/**
 * Every answer of the user administration, by code: the mutations return the code and its text, the page after the
 * redirect shows the text of the code in the address (lib/flash.ts). `{namn}` is the user's name.
 */
export const USER_TEXTS = {
  skapad: { text: "{namn} är skapad. Ge hen en roll nedan." },
  "roll-tillagd": { text: "Rollen är tillagd." },
  "roll-borttagen": { text: "Rollen är borttagen." },
  aktiverad: { text: "{namn} är aktiv igen." },
  inaktiverad: { text: "{namn} är inaktiverad och utloggad." },
  "losenord-satt": { text: "Nytt lösenord satt för {namn}; hens sessioner är avslutade." },
  "oidc-bortkopplad": { text: "{namn} är inte längre kopplad till kommunens inloggning; nästa inloggning där kopplas på nytt efter e-postadressen." },
  "oidc-ej-kopplad": { text: "Användaren är inte kopplad till kommunens inloggning.", error: true },
  "uppgifter-sparade": { text: "Namn och e-post för {namn} är sparade." },
  "inget-andrat": { text: "Inget att ändra: namn och e-post var redan desamma." },
  "ej-behorig": { text: "Du får inte administrera användare.", error: true },
  "finns-inte": { text: "Användaren finns inte eller hör inte till din verksamhet.", error: true },
  "epost-kan-inte-anvandas": { text: EMAIL_UNAVAILABLE, error: true },
  "enhet-finns-inte": { text: "Enheten finns inte i din verksamhet.", error: true },
  "har-rollen": { text: "Användaren har redan den rollen där.", error: true },
  "roll-finns-inte": { text: "Rollen finns inte i din verksamhet.", error: true },
  "sista-admin": { text: "Du kan inte ta bort din egen sista administratörsroll.", error: true },
  "inaktivera-sig-sjalv": { text: "Du kan inte inaktivera dig själv.", error: true },
  "redan-aktiv": { text: "Användaren är redan aktiv.", error: true },
  "redan-inaktiv": { text: "Användaren är redan inaktiverad.", error: true },
  // The schemas' messages (lib/users/schemas.ts); any other failed parse is "ogiltig".
  "namn-saknas": { text: "Ange namn.", error: true },
  "namn-langt": { text: "Namnet får vara högst 120 tecken.", error: true },
  "epost-ogiltig": { text: "Ange en giltig e-postadress.", error: true },
  "epost-lang": { text: "E-postadressen får vara högst 200 tecken.", error: true },
  "losenord-kort": { text: "Lösenordet måste ha minst 12 tecken.", error: true },
  "losenord-langt": { text: "Lösenordet får ha högst 200 tecken.", error: true },
  "roll-saknas": { text: "Välj en roll.", error: true },
  "enhet-ogiltig": { text: "Välj en enhet i listan.", error: true },
  "omfattning-saknas": { text: SCOPE_REQUIRED, error: true },
  "uppgift-saknas": { text: "Uppgift saknas.", error: true },
  ogiltig: { text: "Kontrollera uppgifterna.", error: true },
  // The action wrapper's own refusals (lib/actions.ts).
  styrtecken: { text: CONTROL_CHARACTER_MESSAGE, error: true },
  "formular-olasligt": { text: UNREADABLE_FORM, error: true },
  fel: { text: UNEXPECTED_ERROR, error: true },
} as const satisfies FlashTexts;

export type UserCode = keyof typeof USER_TEXTS;

/** The code whose text is the message (a schema's message), or "ogiltig". */
export function codeOfMessage(message: string | undefined): UserCode {
  const found = Object.entries(USER_TEXTS).find(([, t]) => t.text === message);
  return (found?.[0] as UserCode | undefined) ?? "ogiltig";
}

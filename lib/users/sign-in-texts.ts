/** The provider's name (OIDC_DISPLAY_NAME, written as mid-sentence) where it begins a sentence. */
export const atSentenceStart = (name: string): string => name.charAt(0).toLocaleUpperCase("sv-SE") + name.slice(1);

/**
 * The sign-in page's texts about the municipality's sign-in, each naming the provider as OIDC_DISPLAY_NAME does
 * (issue 31): an Entra ID kommun calls it e.g. "Botkyrka kommuns inloggning", not "kommunens inloggning".
 */
export function signInErrorTexts(provider: string): Record<string, string> {
  const notLinked = `Ditt konto i ${provider} är inte kopplat till någon användare i Årshjulet. Kontakta administratören.`;
  return {
    AccessDenied: notLinked,
    OidcUnknown: notLinked,
    OidcUnverified: `${atSentenceStart(provider)} har inte bekräftat din e-postadress, så vi kan inte veta att kontot är ditt. Kontakta administratören eller kommunens IT-support.`,
    OidcDomain: `Ditt konto i ${provider} hör inte till kommunens egna domäner, så det kan inte användas i Årshjulet. Logga in med ditt arbetskonto eller kontakta administratören.`,
    SessionRequired: "Logga in för att fortsätta.",
    // Any other code (lib/auth/error-codes.ts turns unknown text into Default): a general message, never the link's text.
    Default: "Inloggningen misslyckades. Försök igen.",
  };
}

/** AUTH_PASSWORD_SIGN_IN=off: what the sign-in and "Glömt lösenord" pages say instead of the password form. */
export function passwordOffText(provider: string): string {
  return `Årshjulet har inga lösenord här: logga in med ${provider}. Har du glömt det lösenordet, kontakta kommunens IT-support.`;
}

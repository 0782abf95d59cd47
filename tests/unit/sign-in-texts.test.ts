import { describe, expect, it } from "vitest";
import { passwordOffText, signInErrorTexts } from "@/lib/users/sign-in-texts";

// Issue 31, item 5: every text about the municipality's sign-in names the provider as OIDC_DISPLAY_NAME does.
describe("sign-in texts", () => {
  it("name the provider in every refusal about it, and never the default name", () => {
    const texts = signInErrorTexts("Botkyrka Entra");
    for (const code of ["AccessDenied", "OidcUnknown", "OidcUnverified", "OidcDomain"]) {
      expect(texts[code]).toContain("Botkyrka Entra");
      expect(texts[code]).not.toMatch(/kommunens inloggning/i);
    }
    expect(passwordOffText("Botkyrka Entra")).toContain("logga in med Botkyrka Entra");
  });

  it("write the default name in lower case mid-sentence and capitalise it only where it begins one", () => {
    const texts = signInErrorTexts("kommunens inloggning");
    expect(texts.OidcUnknown).toBe("Ditt konto i kommunens inloggning är inte kopplat till någon användare i Årshjulet. Kontakta administratören.");
    expect(texts.OidcUnverified).toMatch(/^Kommunens inloggning har inte bekräftat/);
    expect(texts.OidcDomain).toContain("Ditt konto i kommunens inloggning hör inte");
    expect(passwordOffText("kommunens inloggning")).toContain("logga in med kommunens inloggning.");
  });
});

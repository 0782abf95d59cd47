/** The test's OpenID Connect provider (oidc-provider.ts) as the app and the specs know it: its client and accounts. */
/** The provider's accounts by login name: the claims its ID token carries for each. */
export const OIDC_ACCOUNTS = {
  // The demo's enhetschef, with the address verified by the provider.
  kand: { sub: "idp-0001", email: "enhetschef@arshjulet.example", email_verified: true, name: "Enhetschef i kommunen" },
  // Claims the demo's verksamhetschef's address, which the provider has not verified.
  overifierad: { sub: "idp-0002", email: "verksamhetschef@arshjulet.example", email_verified: false, name: "Overifierad" },
  // A verified address that no user of Årshjulet has.
  okand: { sub: "idp-0003", email: "ny.person@kommun.example", email_verified: true, name: "Ny Person" },
  // Shaped like Microsoft Entra ID (entra.spec.ts): no email_verified, the address in preferred_username or upn, and
  // the app roles in `roles` (OIDC_ROLES_CLAIM=roles on that server).
  "entra-admin": { sub: "entra-0001", upn: "admin@arshjulet.example", name: "Admin i katalogen" },
  "entra-ny": { sub: "entra-0002", preferred_username: "ny.samordnare@arshjulet.example", name: "Ny Samordnare", roles: ["Arshjulet.Koordinator.Larkan", "Arshjulet.Okand"] },
  // The demo's koordinator (a hand-given Koordinator role for Lärkan) before and after the directory changed their roles.
  "entra-koordinator-fore": { sub: "entra-0003", preferred_username: "koordinator@arshjulet.example", name: "Koordinatorn", roles: ["Arshjulet.Utvecklare"] },
  "entra-koordinator-efter": { sub: "entra-0003", preferred_username: "koordinator@arshjulet.example", name: "Koordinatorn", roles: ["Arshjulet.Enhetschef.Norr"] },
  "entra-omappad": { sub: "entra-0004", preferred_username: "omappad.person@arshjulet.example", name: "Omappad Person", roles: ["Arshjulet.Okand"] },
  "entra-annan-doman": { sub: "entra-0005", preferred_username: "person@annan-kommun.example", name: "Annan Domän", roles: ["Arshjulet.Utvecklare"] },
} as const;
export type OidcLogin = keyof typeof OIDC_ACCOUNTS;

export const OIDC_CLIENT = { id: "arshjulet-e2e", secret: "e2e-klienthemlighet-som-bara-finns-i-testet" } as const;

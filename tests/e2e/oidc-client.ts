/** The test's OpenID Connect provider (oidc-provider.ts) as the app and the specs know it: its client and accounts. */
/** The provider's accounts by login name: the claims its ID token carries for each. */
export const OIDC_ACCOUNTS = {
  // The demo's enhetschef, with the address verified by the provider.
  kand: { sub: "idp-0001", email: "enhetschef@arshjulet.example", email_verified: true, name: "Enhetschef i kommunen" },
  // Claims the demo's verksamhetschef's address, which the provider has not verified.
  overifierad: { sub: "idp-0002", email: "verksamhetschef@arshjulet.example", email_verified: false, name: "Overifierad" },
  // A verified address that no user of Årshjulet has.
  okand: { sub: "idp-0003", email: "ny.person@kommun.example", email_verified: true, name: "Ny Person" },
} as const;
export type OidcLogin = keyof typeof OIDC_ACCOUNTS;

export const OIDC_CLIENT = { id: "arshjulet-e2e", secret: "e2e-klienthemlighet-som-bara-finns-i-testet" } as const;

/**
 * A real OpenID Connect provider (npm oidc-provider) on a loopback port, standing in for the municipality's
 * identity provider in oidc.spec.ts. Its own login form (the package's development interaction) takes a login
 * name, which picks one of the accounts below; PKCE is required of the client, as a municipal provider may.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { OIDC_ACCOUNTS, OIDC_CLIENT, type OidcLogin } from "./oidc-client";

/** Starts the provider at http://127.0.0.1:port for a client whose callbacks are the app servers'; returns its stop. */
export async function startOidcProvider(port: number, appUrls: readonly string[]): Promise<() => Promise<void>> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: appUrls.map((appUrl) => `${appUrl}/api/auth/callback/kommun`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx, id) {
      const account = (OIDC_ACCOUNTS as Record<string, (typeof OIDC_ACCOUNTS)[OidcLogin]>)[id];
      return account ? { accountId: id, claims: async () => ({ ...account }) } : undefined;
    },
    // Entra ID's shape as well: preferred_username, upn and the app roles come with the scopes the app asks for.
    claims: { openid: ["sub", "upn", "roles"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    // next-auth reads the profile from the ID token: put the scopes' claims in it, not only in userinfo.
    conformIdTokenClaims: false,
    pkce: { methods: ["S256"], required: () => true },
    cookies: { keys: ["e2e-cookie-nyckel-som-bara-finns-i-testet"] },
  });
  const server: Server = provider.listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  if ((server.address() as AddressInfo).port !== port) throw new Error("OIDC-leverantören startade på fel port.");
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

import NextAuth from "next-auth";
import type { NextAuthOptions } from "next-auth";
import { signInErrorRedirect, withKnownSignInErrors } from "@/lib/auth/error-codes";
import { buildAuthOptions } from "@/lib/auth/options";
import { resolveOidcUser } from "@/lib/users/oidc";
import { endSession, startSession } from "@/lib/users/sessions";

export const dynamic = "force-dynamic";

// next-auth's endpoints, with what sign-in through the municipality's provider and sign-out write.
let options: NextAuthOptions | undefined;

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const params = await ctx.params;
  // next-auth would echo the link's error text into a Location header (a line break gives a 500): we answer it.
  if (req.method === "GET" && params.nextauth?.[0] === "error") return signInErrorRedirect(req.url);
  const response: Response = await NextAuth(req as never, { params } as never, (options ??= buildAuthOptions({ resolveOidcUser, startSession, endSession })));
  return withKnownSignInErrors(response);
}

export { handler as GET, handler as POST };

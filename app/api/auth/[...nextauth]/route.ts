import NextAuth from "next-auth";
import { signInErrorRedirect, withKnownSignInErrors } from "@/lib/auth/error-codes";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const params = await ctx.params;
  // next-auth would echo the link's error text into a Location header (a line break gives a 500): we answer it.
  if (req.method === "GET" && params.nextauth?.[0] === "error") return signInErrorRedirect(req.url);
  const response: Response = await NextAuth(req as never, { params } as never, getAuthOptions());
  return withKnownSignInErrors(response);
}

export { handler as GET, handler as POST };

import NextAuth from "next-auth";
import type { NextAuthOptions } from "next-auth";
import { buildAuthOptions } from "@/lib/auth/options";
import { resolveOidcUser } from "@/lib/users/oidc";
import { endSession } from "@/lib/users/sessions";

export const dynamic = "force-dynamic";

// next-auth's endpoints, with what sign-in through the municipality's provider and sign-out write.
let options: NextAuthOptions | undefined;

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, { params: await ctx.params } as never, (options ??= buildAuthOptions({ resolveOidcUser, endSession })));
}

export { handler as GET, handler as POST };

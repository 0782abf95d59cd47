"use client";

import { followAuth, postToAuth } from "./auth-endpoint";

export function SignOutButton() {
  return (
    <button type="button" onClick={async () => followAuth(await postToAuth("signout", { callbackUrl: "/logga-in" }), "/logga-in")}
      className="whitespace-nowrap rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
      Logga ut
    </button>
  );
}

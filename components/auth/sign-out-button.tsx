"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/logga-in" })}
      className="whitespace-nowrap rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
      Logga ut
    </button>
  );
}

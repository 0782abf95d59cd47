import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { SHARED_VIEW_HEADER } from "@/lib/security-headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Årshjulet", template: "%s – Årshjulet" },
  description: "Planera, genomför och följ upp hemtjänstens kvalitetsrutiner över året.",
  icons: { icon: "/arshjulet.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put this request's CSP nonce on its scripts (proxy.ts).
  await connection();
  // The share page (/delad/…, issue 33) is for people without an account: no menu, no name, no links into the app.
  const shared = (await headers()).get(SHARED_VIEW_HEADER) === "1";
  return (
    <html lang="sv">
      <body className="flex min-h-screen flex-col">
        <a
          href="#innehall"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800"
        >
          Hoppa till innehållet
        </a>
        {!shared && <SiteHeader />}
        <main id="innehall" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        {!shared && <SiteFooter />}
      </body>
    </html>
  );
}

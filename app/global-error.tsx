"use client";

import { ServiceUnavailable } from "@/components/ui/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/availability";
import "./globals.css";

// Errors in the root layout (its header reads the session) end here, in place of the whole page.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <head>
        <title>{error.digest === DATABASE_UNAVAILABLE_DIGEST ? "Årshjulet är tillfälligt otillgängligt" : "Något gick fel – Årshjulet"}</title>
      </head>
      <body>
        <main id="innehall" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
          {error.digest === DATABASE_UNAVAILABLE_DIGEST ? (
            <ServiceUnavailable />
          ) : (
            <div role="alert" className="rounded border border-red-300 bg-red-50 p-4">
              <h1 className="text-xl font-semibold text-red-900">Något gick fel</h1>
              <p className="mt-2">Sidan kunde inte visas just nu. Ladda om sidan om en stund; kvarstår felet, kontakta support.</p>
            </div>
          )}
        </main>
      </body>
    </html>
  );
}

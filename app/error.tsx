"use client";

import { ServiceUnavailable } from "@/components/ui/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/availability";

// Unexpected errors end here; the message is fixed so nothing internal reaches the browser.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <ServiceUnavailable />;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-4">
      <h1 className="text-xl font-semibold text-red-900">Något gick fel</h1>
      <p className="mt-2">Sidan kunde inte visas just nu. Försök igen om en stund; kvarstår felet, kontakta support.</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-red-800 px-3 py-2 text-white hover:bg-red-900">
        Försök igen
      </button>
    </div>
  );
}

import type { FormState } from "@/lib/forms";

const TONES = {
  success: "rounded border border-green-700 bg-green-50 p-3 text-green-900",
  error: "rounded border border-red-300 bg-red-50 p-3 text-red-900",
} as const;

/** The classes of a success or error message box; the sign-in form's own status line uses them too. */
export function messageClass(tone: keyof typeof TONES) {
  return TONES[tone];
}

/** A form's status line: always in the DOM so screen readers announce changes. */
export function StatusMessage({ state, id }: { state: FormState; id?: string }) {
  const tone = !state ? "sr-only" : TONES[state.ok ? "success" : "error"];
  return (
    <div id={id} role="status" aria-live="polite" className={tone}>
      {state?.message ?? ""}
      {state?.details && state.details.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {state.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The result of the last form post after a redirect (role=status, or alert for an error). With `keepRegion`
 * an empty status region stays in the page when there is nothing to say.
 */
export function FlashMessage({ message, error = false, keepRegion = false }: { message?: string; error?: boolean; keepRegion?: boolean }) {
  if (!message) return keepRegion ? <p role="status" className="sr-only" /> : null;
  return (
    <p role={error ? "alert" : "status"} className={TONES[error ? "error" : "success"]}>
      {message}
    </p>
  );
}

"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useRef, useState, useTransition } from "react";
import { fileTooLargeMessage, MAX_FILE_BYTES, MAX_FILE_LABEL } from "@/lib/results/schemas";
import { FieldErrors, fieldIds, fileInputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { ImportState } from "./import-state";
import { ImportPreview } from "./import-preview";

type Action = (prev: ImportState, data: FormData) => Promise<ImportState>;

/** Upload → preview → confirm. The confirm step sends the same file with the digest the preview returned. */
export function ImportResultsForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const [localError, setLocalError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const shown: ImportState = localError ? { ok: false, message: localError, errors: { file: [localError] } } : state;
  const preview = !changed && !localError ? state?.preview : undefined;
  const { id, errors, describedBy, invalid } = fieldIds({ name: "file", state: shown, hint: "x" });

  return (
    <form
      ref={form}
      noValidate
      encType="multipart/form-data"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const file = (form.current?.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        // Refused here so a too large file is never sent; the server checks again.
        if (file && file.size > MAX_FILE_BYTES) {
          setLocalError(fileTooLargeMessage(file.size));
          return;
        }
        setLocalError(null);
        setChanged(false);
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <div>
        <label htmlFor={id} className="block font-medium">
          Resultatfil (CSV)
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          Semikolon-, komma- eller tabbavgränsad, sparad som UTF-8 (i Excel: ”CSV UTF-8”). Högst {MAX_FILE_LABEL}.
        </p>
        <input
          id={id}
          name="file"
          type="file"
          accept=".csv,.txt,text/csv"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={() => {
            setChanged(true);
            setLocalError(null);
          }}
          className={fileInputClass}
        />
        <FieldErrors id={`${id}-fel`} errors={errors} />
      </div>
      <SubmitButton pending={pending} pendingText="Kontrollerar …" name="step" value="preview" variant={preview ? "secondary" : "primary"}>
        Förhandsgranska
      </SubmitButton>
      <StatusMessage state={shown} />
      {state?.imported && !changed && (
        <p>
          <Link href={`/resultat?ar=${Math.max(...state.imported.years)}`} className="font-semibold text-blue-800 underline">
            Visa resultaten
          </Link>
        </p>
      )}
      {preview && <ImportPreview preview={preview} pending={pending} id="forhandsgranskning" rowsLabel="Rader i filen" />}
    </form>
  );
}

"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { RESULTS_UPLOAD } from "@/lib/results/labels";
import { limitsText } from "@/lib/uploads";
import { useUploadCheck, withUploadProblem } from "@/components/ui/upload-check";
import { FieldErrors, fieldIds, fileInputClass } from "@/components/ui/field";
import { StatusMessage } from "@/components/ui/status-message";
import { SubmitButton } from "@/components/ui/button";
import type { ImportState } from "./import-state";
import { ImportedResultsLink, ImportPreview } from "./import-preview";

type Action = (prev: ImportState, data: FormData) => Promise<ImportState>;

/** Upload → preview → confirm. The confirm step sends the same file with the digest the preview returned. */
export function ImportResultsForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const upload = useUploadCheck(RESULTS_UPLOAD);
  const [changed, setChanged] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const shown = withUploadProblem(state, upload.problem);
  const preview = !changed && !upload.problem ? state?.preview : undefined;
  const { id, errors, describedBy, invalid } = fieldIds({ name: "file", state: shown, hint: "x" });

  return (
    <form
      ref={form}
      noValidate
      encType="multipart/form-data"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        // A file the browser refused is never sent (its message is shown); the server checks again.
        if (upload.blocked) return;
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
          Semikolon-, komma- eller tabbavgränsad, sparad som UTF-8 (i Excel: ”CSV UTF-8”). {limitsText(RESULTS_UPLOAD.limits)}.
        </p>
        <input
          id={id}
          name="file"
          type="file"
          accept=".csv,.txt,text/csv"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => {
            setChanged(true);
            void upload.onChange(event);
          }}
          className={fileInputClass}
        />
        <FieldErrors id={`${id}-fel`} errors={errors} />
      </div>
      <SubmitButton pending={pending} pendingText="Kontrollerar …" name="step" value="preview" variant={preview ? "secondary" : "primary"}>
        Förhandsgranska
      </SubmitButton>
      <StatusMessage state={shown} />
      {state?.imported && !changed && <ImportedResultsLink years={state.imported.years} />}
      {preview && <ImportPreview preview={preview} pending={pending} id="forhandsgranskning" rowsLabel="Rader i filen" />}
    </form>
  );
}

"use client";

import { useState, type ChangeEvent } from "react";
import { fileProblem, type UploadKind } from "@/lib/uploads";

type StateWithErrors = { ok: boolean; message: string; errors?: Record<string, string[]> } | null;

/**
 * Checks a chosen file in the browser as soon as it is chosen (size, rows or activities, control characters,
 * personnummer), with the same Swedish messages as the server; a refused file is never sent.
 */
export function useUploadCheck(kind: UploadKind) {
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setChecking(true);
    try {
      setProblem(file ? await fileProblem(kind, file) : null);
    } finally {
      setChecking(false);
    }
  }
  return { problem, checking, onChange, blocked: problem !== null || checking };
}

/** The state a form shows: the browser's refusal of the chosen file (on the file field), else the server's answer. */
export function withUploadProblem<S extends StateWithErrors>(state: S, problem: string | null, field = "file"): S {
  return problem ? ({ ok: false, message: problem, errors: { [field]: [problem] } } as S) : state;
}

"use client";

import { useTransition, type FormHTMLAttributes, type ReactNode, type Ref } from "react";
import type { FormState } from "@/lib/forms";


/**
 * A form that submits to a server action without React's automatic reset, so that what the user typed
 * stays in place when the server returns field errors.
 */
export function ActionForm({
  action,
  children,
  confirm,
  ...rest
}: { action: (data: FormData) => void; children: ReactNode; confirm?: string; ref?: Ref<HTMLFormElement> } & Omit<FormHTMLAttributes<HTMLFormElement>, "action">) {
  const [, startTransition] = useTransition();
  return (
    <form
      {...rest}
      action={action}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => action(data));
      }}
    >
      {children}
    </form>
  );
}

/** The form's status line: always in the DOM so screen readers announce changes. */
export function StatusMessage({ state, id }: { state: FormState; id?: string }) {
  const tone = !state ? "sr-only" : state.ok ? "rounded border border-green-700 bg-green-50 p-3 text-green-900" : "rounded border border-red-300 bg-red-50 p-3 text-red-900";
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

/** A submit button; pass the action's isPending so it shows progress and cannot be pressed twice. */
export function SubmitButton({
  children,
  pending = false,
  pendingText,
  variant = "primary",
  ...rest
}: { children: ReactNode; pending?: boolean; pendingText?: string; variant?: "primary" | "secondary" | "danger"; name?: string; value?: string; "aria-label"?: string }) {
  const styles = {
    primary: "bg-blue-800 text-white hover:bg-blue-900",
    secondary: "border border-blue-800 bg-white text-blue-900 hover:bg-blue-50",
    danger: "border border-red-800 bg-white text-red-900 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} className={`rounded px-3 py-2 font-semibold disabled:opacity-70 ${styles}`} {...rest}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

type FieldProps = { name: string; label: string; state: FormState; hint?: string; idPrefix?: string };

/** The ids a field's input refers to: its hint and its errors. */
export function fieldIds({ name, state, hint, idPrefix = "" }: Omit<FieldProps, "label">) {
  const id = `${idPrefix}${name}`;
  const errors = state?.errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-fel` : null].filter(Boolean).join(" ") || undefined;
  return { id, errors, describedBy, invalid: errors ? true : undefined };
}

/** Label, hint, the control and its errors; the control gets id, aria-describedby and aria-invalid. */
export function Field({ label, hint, children, ...props }: FieldProps & { children: (a: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode }) {
  const { id, errors, describedBy, invalid } = fieldIds({ ...props, hint });
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid })}
      {errors && (
        <ul id={`${id}-fel`} className="mt-1 text-sm font-medium text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const inputClass = "mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

"use client";

import { useEffect, useRef, useTransition, type FormHTMLAttributes, type ReactNode, type Ref } from "react";
import type { FormState } from "@/lib/forms";

/**
 * A form that submits to a server action without React's automatic reset, so that what the user typed
 * stays in place when the server returns field errors.
 */
export function ActionForm({
  action,
  children,
  confirm,
  blocked = false,
  ...rest
}: {
  action: (data: FormData) => void;
  children: ReactNode;
  confirm?: string;
  /** Not sent while true: a chosen file the browser has refused (its message is shown in the form). */
  blocked?: boolean;
  ref?: Ref<HTMLFormElement>;
} & Omit<FormHTMLAttributes<HTMLFormElement>, "action">) {
  const [, startTransition] = useTransition();
  return (
    <form
      {...rest}
      action={action}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (blocked) return;
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

/** A ref for an ActionForm that empties the form after a successful save, so that saving again does not make a copy. */
export function useResetOnSuccess(state: FormState, enabled = true) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (enabled && state?.ok) form.current?.reset();
  }, [state, enabled]);
  return form;
}

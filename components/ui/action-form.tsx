"use client";

import { useTransition, type FormHTMLAttributes, type ReactNode, type Ref } from "react";

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

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FormState } from "@/lib/forms";

type FieldProps = { name: string; label: string; state: FormState; hint?: string; idPrefix?: string };

/** The classes of a text input, textarea or select inside a form field. */
export const inputClass = "mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

/** The classes of a file input, its button styled as a secondary button. */
export const fileInputClass =
  "mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-blue-800 file:bg-white file:px-3 file:py-2 file:font-semibold file:text-blue-900";

/** The ids a field's input refers to: its hint and its errors. */
export function fieldIds({ name, state, hint, idPrefix = "" }: Omit<FieldProps, "label">) {
  const id = `${idPrefix}${name}`;
  const errors = state?.errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-fel` : null].filter(Boolean).join(" ") || undefined;
  return { id, errors, describedBy, invalid: errors ? true : undefined };
}

/** A field's label, in the one style every form uses. */
export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block font-medium">
      {children}
    </label>
  );
}

/** A field's description (hint), referred to by the control's aria-describedby. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

/** A field's errors as a list, referred to by the control's aria-describedby; nothing when there are none. */
export function FieldErrors({ id, errors, flush = false }: { id: string; errors?: string[]; flush?: boolean }) {
  if (!errors) return null;
  return (
    <ul id={id} className={flush ? "text-sm font-medium text-red-800" : "mt-1 text-sm font-medium text-red-800"}>
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** Label, hint, the control and its errors; the control gets id, aria-describedby and aria-invalid. */
export function Field({ label, hint, children, ...props }: FieldProps & { children: (a: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode }) {
  const { id, errors, describedBy, invalid } = fieldIds({ ...props, hint });
  return (
    <div>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {hint && <FieldHint id={`${id}-hint`}>{hint}</FieldHint>}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid })}
      <FieldErrors id={`${id}-fel`} errors={errors} />
    </div>
  );
}

type ControlProps = Omit<FieldProps, "label"> & { label: string };
const WIDTHS = { full: "", "32": " max-w-32", "40": " max-w-40", "48": " max-w-48" } as const;

/** A labelled text (or date, number …) input with its hint and errors. `width` caps a short value's input. */
export function TextField({
  name,
  label,
  state,
  hint,
  idPrefix,
  width = "full",
  type = "text",
  ...input
}: ControlProps & { width?: keyof typeof WIDTHS } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">) {
  return (
    <Field name={name} label={label} state={state} hint={hint} idPrefix={idPrefix}>
      {(a) => <input {...a} name={name} type={type} {...input} className={`${inputClass}${WIDTHS[width]}`} />}
    </Field>
  );
}

/** A labelled textarea with its hint and errors. */
export function TextAreaField({ name, label, state, hint, idPrefix, ...textarea }: ControlProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className">) {
  return (
    <Field name={name} label={label} state={state} hint={hint} idPrefix={idPrefix}>
      {(a) => <textarea {...a} name={name} {...textarea} className={inputClass} />}
    </Field>
  );
}

/** A labelled select of fixed options with its hint and errors; `emptyOption` comes first (e.g. "Ingen indikator"). */
export function SelectField({
  name,
  label,
  state,
  hint,
  idPrefix,
  options,
  emptyOption,
  ...select
}: ControlProps & {
  options: readonly { value: string | number; label: ReactNode }[];
  emptyOption?: { value: string; label: string } | false;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className" | "children">) {
  return (
    <Field name={name} label={label} state={state} hint={hint} idPrefix={idPrefix}>
      {(a) => (
        <select {...a} name={name} {...select} className={inputClass}>
          {emptyOption && <option value={emptyOption.value}>{emptyOption.label}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

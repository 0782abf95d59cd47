import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from "react";
import { Link } from "@/components/ui/link";

export type ButtonVariant = "primary" | "secondary" | "danger" | "pressed";
type ButtonSize = "md" | "lg";

type Look = { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean; printable?: boolean };

/**
 * The classes of every button-looking control (buttons, and links styled as buttons). The looks are named in
 * app/globals.css (`btn`, `btn-md`, `btn-secondary` …), since a checklist has a hundred buttons. "pressed" is a toggle
 * button that is on (aria-pressed), as a status of the checklist.
 */
export function buttonClass({ variant = "primary", size = "md", fullWidth = false, printable = true }: Look = {}) {
  return [printable ? null : "no-print", fullWidth ? "w-full" : null, "btn", `btn-${size}`, `btn-${variant}`].filter(Boolean).join(" ");
}

/** A button; `type` defaults to "button" so that a button inside a form never submits it by accident. */
export function Button({ variant, size, fullWidth, printable, type = "button", ...rest }: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass({ variant, size, fullWidth, printable })} {...rest} />;
}

/** A link to another page of the app that looks like a button. */
export function ButtonLink({ variant, size, printable, ...rest }: Look & Omit<ComponentProps<typeof Link>, "className">) {
  return <Link className={buttonClass({ variant, size, printable })} {...rest} />;
}

/** A plain anchor (a download, a route handler) that looks like a button. */
export function ButtonAnchor({ variant, size, printable, ...rest }: Look & Omit<ComponentProps<"a">, "className">) {
  return <a className={buttonClass({ variant, size, printable })} {...rest} />;
}

/** A submit button; pass the action's isPending so it shows progress and cannot be pressed twice. */
export function SubmitButton({
  children,
  pending = false,
  pendingText,
  variant = "primary",
  size,
  fullWidth,
  ...rest
}: Look & { children: ReactNode; pending?: boolean; pendingText?: string; name?: string; value?: string; "aria-label"?: string }) {
  return (
    <button type="submit" disabled={pending} className={buttonClass({ variant, size, fullWidth })} {...rest}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from "react";
import { Link } from "@/components/ui/link";

export type ButtonVariant = "primary" | "secondary" | "danger";
type ButtonSize = "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-800 text-white hover:bg-blue-900",
  secondary: "border border-blue-800 bg-white text-blue-900 hover:bg-blue-50",
  danger: "border border-red-800 bg-white text-red-900 hover:bg-red-50",
};
const SIZES: Record<ButtonSize, string> = { md: "px-3 py-2", lg: "px-4 py-2" };

type Look = { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean; printable?: boolean };

/** The classes of every button-looking control (buttons, and links styled as buttons). */
export function buttonClass({ variant = "primary", size = "md", fullWidth = false, printable = true }: Look = {}) {
  return [printable ? null : "no-print", fullWidth ? "w-full" : null, "rounded", SIZES[size], "font-semibold disabled:opacity-70", VARIANTS[variant]]
    .filter(Boolean)
    .join(" ");
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

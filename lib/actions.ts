import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Action } from "./auth/permissions.ts";
import { requirePermission, requireUser } from "./auth/session.ts";
import type { SessionUser } from "./auth/session-user.ts";
import * as clock from "./clock.ts";
import { CONTROL_CHARACTER_MESSAGE, fieldsWithControlCharacters, fieldsWithIdentityNumbers, UNEXPECTED_ERROR, UNREADABLE_FORM, type Failure } from "./forms.ts";
import { IDENTITY_NUMBER_MESSAGE } from "./personal-data.ts";

/**
 * The one way to write a server action (docs/decisions/006-action-wrapper.md): session and permission, a FormData
 * argument, today from the clock, and unexpected errors turned into a Swedish message (never error.message). The
 * action's body is then the domain call (which parses with zod, scopes, audits) and the revalidation.
 */
export type ActionContext = { user: SessionUser; data: FormData; today: Date };
export type ActionOptions = {
  /** Held somewhere, or the "no access" page; without it, any signed-in user (the domain call scopes further). */
  permission?: Action;
};

/** A form state that can carry a failure: what every useActionState form of ours returns. */
type FormStateLike = { ok: boolean; message: string; errors?: Record<string, string[]> } | null;

export { UNEXPECTED_ERROR, UNREADABLE_FORM };

async function run<T>(options: ActionOptions, data: unknown, body: (ctx: ActionContext) => Promise<T>): Promise<T | Failure> {
  const user = options.permission ? await requirePermission(options.permission) : await requireUser();
  return runChecked(data, (form, today) => body({ user, data: form, today }));
}

// The checks of every action after the session: the form, its control characters and personnummer, and the error mapping.
async function runChecked<T>(data: unknown, body: (form: FormData, today: Date) => Promise<T>): Promise<T | Failure> {
  // Anyone can call an action's endpoint with anything: only a form's data gets to the body.
  const form = readForm(data);
  if (!form) return { ok: false, message: UNREADABLE_FORM };
  // Checked once for every form, before any body sees the data (a NUL would reach PostgreSQL as a database error).
  const controlled = fieldsWithControlCharacters(form);
  if (controlled.length > 0) return refusal(controlled, CONTROL_CHARACTER_MESSAGE);
  // GDPR: the app keeps no personnummer, in any free-text field of any form (lib/personal-data.ts; the message never repeats it).
  const identified = fieldsWithIdentityNumbers(form);
  if (identified.length > 0) return refusal(identified, IDENTITY_NUMBER_MESSAGE);
  try {
    return await body(form, clock.today());
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and Next's own signals are not failures
    // Only the error's kind: its message or stack can hold what the user typed (personal data is never logged).
    console.error("Server action failed:", describeError(error));
    return { ok: false, message: UNEXPECTED_ERROR };
  }
}

const refusal = (fields: string[], message: string): Failure => ({ ok: false, message, errors: Object.fromEntries(fields.map((name) => [name, [message]])) });

/**
 * A plain copy of a submitted form, or null for anything else: an object that only passes instanceof (a subclass or
 * proxy whose methods throw, FormData.prototype itself) is read through FormData's own method or refused.
 */
function readForm(data: unknown): FormData | null {
  if (!(data instanceof FormData)) return null;
  try {
    const form = new FormData();
    for (const [name, value] of FormData.prototype.entries.call(data)) form.append(name, value);
    return form;
  } catch {
    return null;
  }
}

/** "PrismaClientKnownRequestError P2002" or "TypeError": enough to find the failure in the code, nothing the user wrote. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  return `${error.name}${code}`;
}

/** An action for React's useActionState, `(previous state, form data) => state`; works without JavaScript too. */
export function formAction<S extends FormStateLike>(options: ActionOptions, body: (ctx: ActionContext) => Promise<S>): (prev: S, data: FormData) => Promise<S> {
  // Every form state above holds a failure ({ ok: false, message }); TypeScript cannot see that of a generic S.
  return async (_prev, data) => (await run(options, data, body)) as S;
}

/**
 * An action of a signed-out page (a password link, "Glömt lösenord?"): every check of formAction but the session.
 * The body authorises by what the form carries (a link's secret) and throttles what could be guessed.
 */
export function signedOutFormAction<S extends FormStateLike>(body: (ctx: Omit<ActionContext, "user">) => Promise<S>): (prev: S, data: FormData) => Promise<S> {
  return async (_prev, data) => (await runChecked(data, (form, today) => body({ data: form, today }))) as S;
}

/**
 * An action for a plain form post, `(form data) => void`, that answers by redirecting: onFailure says where a
 * refused or failed call goes (with its message).
 */
export function postAction(options: ActionOptions & { onFailure: (failure: Failure) => never }, body: (ctx: ActionContext) => Promise<never>): (data: FormData) => Promise<void> {
  return async (data) => {
    const failure = await run(options, data, body);
    options.onFailure(failure);
  };
}

/**
 * A formAction as a plain form post's action, `(form data) => state`: every check and the body run in the formAction.
 * A form without JavaScript ignores the answer (the page is rendered again, docs/decisions/033); a direct call gets it.
 * `onRefusal` runs for a refused or failed call posted without JavaScript, to redirect to a page that says so.
 */
export function formPost<S extends FormStateLike>(action: (prev: S, data: FormData) => Promise<S>, onRefusal?: (state: S, data: FormData) => Promise<void>): (data: FormData) => Promise<S> {
  return async (data) => {
    const state = await action(null as S, data);
    if (!onRefusal || !state || state.ok) return state;
    // The refusal reads the form as the wrapper does: anything else than a form was refused there, and is here.
    const form = readForm(data);
    if (form && !(await calledFromScript())) await onRefusal(state, form);
    return state;
  };
}

/**
 * Whether the running action was called from JavaScript (React's fetch, with Next's Next-Action header) rather than
 * posted by a form without it: only such a call can take an answer without the page (docs/decisions/033).
 */
export async function calledFromScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}

export const UNKNOWN_INTENT = "Okänd åtgärd.";

/** For a form whose buttons name their intent: the handler of the pressed one, or a failure for any other intent. */
export function byIntent<R>(intent: string, handlers: Record<string, () => Promise<R>>): Promise<R | Failure> {
  return Object.hasOwn(handlers, intent) ? handlers[intent]!() : Promise.resolve({ ok: false, message: UNKNOWN_INTENT });
}

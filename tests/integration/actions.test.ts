import { describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms";
import { form } from "./helpers/form";

// The wrapper every server action goes through (lib/actions.ts), with a mocked signed-in user.
const session = vi.hoisted(() => ({ user: { id: "u1", name: "Test", email: "t@example.se", organisationId: null, assignments: [] } as unknown, permissions: [] as string[] }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => session.user,
  requirePermission: async (action: string) => {
    session.permissions.push(action);
    return session.user;
  },
}));

const { CONTROL_CHARACTER_MESSAGE } = await import("@/lib/forms");
const { IDENTITY_NUMBER_MESSAGE } = await import("@/lib/personal-data");
const { byIntent, formAction, postAction, UNEXPECTED_ERROR, UNKNOWN_INTENT, UNREADABLE_FORM } = await import("@/lib/actions");


describe("formAction", () => {
  it("gives the body the user, the form and today", async () => {
    const action = formAction<FormState>({}, async ({ user, data, today }) => ({ ok: true, message: `${(user as { id: string }).id} ${data.get("x")} ${today.toISOString().slice(0, 10)}` }));
    expect(await action(null, form({ x: "y" }))).toEqual({ ok: true, message: `u1 y ${process.env.ARSHJULET_TODAY}` });
  });

  it("asks for the permission it is given", async () => {
    await formAction<FormState>({ permission: "routine:manage" }, async () => ({ ok: true, message: "" }))(null, form({}));
    expect(session.permissions).toEqual(["routine:manage"]);
  });

  it("refuses anything but a form, without running the body", async () => {
    const body = vi.fn(async () => ({ ok: true, message: "" }));
    expect(await formAction<FormState>({}, body)(null, "not a form" as unknown as FormData)).toEqual({ ok: false, message: UNREADABLE_FORM });
    expect(body).not.toHaveBeenCalled();
  });

  it("refuses an object that only looks like a form (its methods throw), without running the body", async () => {
    const body = vi.fn(async () => ({ ok: true, message: "" }));
    class Throwing extends FormData {
      override entries(): never {
        throw new TypeError("a.get");
      }
    }
    const lookalikes = [Object.create(FormData.prototype), new Proxy(new FormData(), { get: () => { throw new TypeError("proxy"); } }), { get: () => "x" }];
    for (const data of lookalikes) expect(await formAction<FormState>({}, body)(null, data as FormData)).toEqual({ ok: false, message: UNREADABLE_FORM });
    // A subclass is read through FormData's own method, so its fields still count.
    const sub = new Throwing();
    sub.set("x", "y");
    expect(await formAction<FormState>({}, async ({ data }) => ({ ok: true, message: String(data.get("x")) }))(null, sub)).toEqual({ ok: true, message: "y" });
    expect(body).not.toHaveBeenCalled();
  });

  it("refuses a control character in any text field, before the body runs, and keeps tab and line breaks", async () => {
    const body = vi.fn(async () => ({ ok: true, message: "" }));
    const action = formAction<FormState>({}, body);
    for (const bad of ["a\u0000b", "a\u0008", "\u001b[31m", "x\u007f", "x\u0085"]) {
      expect(await action(null, form({ ok: "fine", comment: bad }))).toEqual({ ok: false, message: CONTROL_CHARACTER_MESSAGE, errors: { comment: [CONTROL_CHARACTER_MESSAGE] } });
    }
    expect(body).not.toHaveBeenCalled();
    expect(await action(null, form({ comment: "rad 1\r\nrad 2\tflik" }))).toEqual({ ok: true, message: "" });
    expect(body).toHaveBeenCalledTimes(1);
  });

  it("refuses a personnummer in any free-text field or file name, before the body runs, but not in a password or an id the app made", async () => {
    const body = vi.fn(async () => ({ ok: true, message: "" }));
    const action = formAction<FormState>({}, body);
    for (const bad of ["19450101/1235", "450101_1235", "Ring 450161-1232"]) {
      expect(await action(null, form({ title: "Rubrik", note: bad }))).toEqual({ ok: false, message: IDENTITY_NUMBER_MESSAGE, errors: { note: [IDENTITY_NUMBER_MESSAGE] } });
    }
    const upload = form({});
    upload.set("file", new File(["x"], "a\u0000.csv"));
    expect(await action(null, upload)).toMatchObject({ ok: false, message: CONTROL_CHARACTER_MESSAGE, errors: { file: [CONTROL_CHARACTER_MESSAGE] } });
    expect(body).not.toHaveBeenCalled();
    // An id field is exempt only when it holds what the app makes (a cuid): a number typed into one is checked (issue 30, H2).
    expect(await action(null, form({ taskId: "4501011235" }))).toEqual({ ok: false, message: IDENTITY_NUMBER_MESSAGE, errors: { taskId: [IDENTITY_NUMBER_MESSAGE] } });
    expect(body).not.toHaveBeenCalled();
    expect(await action(null, form({ password: "Sommar4501011235", passwordRepeat: "Sommar4501011235", taskId: "cm4501011235abcdefghijklm", note: "19450101/1234 har fel kontrollsiffra" }))).toEqual({ ok: true, message: "" });
    expect(body).toHaveBeenCalledTimes(1);
  });

  it("turns an unexpected error into a Swedish message and never shows error.message", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await formAction<FormState>({}, async () => {
      throw new Error("secret database detail");
    })(null, form({}));
    expect(result).toEqual({ ok: false, message: UNEXPECTED_ERROR });
    expect(JSON.stringify(result)).not.toContain("secret");
    // The log names the error's kind, never its message: that can hold what the user typed.
    expect(error).toHaveBeenCalledWith("Server action failed:", "Error");
    expect(JSON.stringify(error.mock.calls)).not.toContain("secret");
    error.mockRestore();
  });

  it("lets a redirect through", async () => {
    await expect(formAction<FormState>({}, async () => redirect("/rutiner"))(null, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("postAction", () => {
  it("sends an unexpected error to onFailure", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const onFailure = vi.fn((failure: { message: string }): never => {
      throw Object.assign(new Error("redirected"), { failure });
    });
    const action = postAction({ onFailure }, async () => {
      throw new Error("boom");
    });
    await expect(action(form({}))).rejects.toThrow("redirected");
    expect(onFailure).toHaveBeenCalledWith({ ok: false, message: UNEXPECTED_ERROR });
    vi.mocked(console.error).mockRestore();
  });
});

describe("byIntent", () => {
  it("runs the pressed button's handler, and refuses any other intent", async () => {
    const handlers = { up: async () => ({ ok: true as const, message: "upp" }) };
    expect(await byIntent("up", handlers)).toEqual({ ok: true, message: "upp" });
    expect(await byIntent("down", handlers)).toEqual({ ok: false, message: UNKNOWN_INTENT });
    expect(await byIntent("constructor", handlers)).toEqual({ ok: false, message: UNKNOWN_INTENT });
  });
});

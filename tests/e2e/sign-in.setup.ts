import { expect, test as setup } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_ROLES, sessionFile } from "./auth";

// Once per server and role, through next-auth's own sign-in endpoint (the form itself is tested in
// auth.spec.ts); the tests then start from the saved session instead of signing in every time.
for (const role of DEMO_ROLES) {
  setup(`loggar in som ${role}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD, json: "true" } });
    expect(answer.ok()).toBe(true);
    const state = await request.storageState({ path: sessionFile(role) });
    expect(state.cookies.map((c) => c.name)).toContain("next-auth.session-token");
    await request.dispose();
  });
}

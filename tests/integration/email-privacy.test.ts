import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { buildWorkbook } from "@/lib/export/xlsx";
import { getWorkbookContent, importOrganisationFile } from "@/lib/organisation/import";
import { organisationSheets, type WorkbookContent } from "@/lib/organisation/workbook";
import { EMAIL_UNAVAILABLE } from "@/lib/users/messages";
import { createUser, updateUser } from "@/lib/users/mutations";
import { SEEDED_TODAY } from "../support/today";
import { actorFor } from "./helpers/actors";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/databases";
import { fullHash } from "./helpers/fingerprint";

/**
 * Issue 30 (decision 031): e-mail addresses are unique across verksamheter (decision 010), so an address another
 * verksamhet holds must be refused, but B's admin must not learn from the answer that it is A's. Every path by which
 * an admin gives an account an address (the user form's create and change, the organisation workbook's preview and
 * import) answers an address held in A exactly as one held in B itself, and never names A or its people.
 * (Just-in-time creation at the kommun's sign-in is issue 31's, and is not an admin's path.)
 */
describe.each(DATABASE_KINDS)("an address of another verksamhet on %s", (kind) => {
  let t: TestDatabase;
  let adminB: SessionUser;
  let orgB: string;
  let userB: string;
  let secrets: string[];
  // Addresses held in A, written as an admin might type them.
  const inA = ["admin@arshjulet.example", "Enhetschef@Arshjulet.Example", "  koordinator@arshjulet.example "];
  const inB = "kollega@norrby.example";

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const orgA = await t.db.organisation.findFirstOrThrow();
    orgB = (await t.db.organisation.create({ data: { slug: "norrby", name: "Norrby hemtjänst" } })).id;
    const area = await t.db.area.create({ data: { organisationId: orgB, name: "Norrby", position: 0 } });
    await t.db.unit.create({ data: { areaId: area.id, name: "Norrbyenheten" } });
    const admin = await t.db.user.create({ data: { organisationId: orgB, email: "admin@norrby.example", name: "Admin Norrby" } });
    await t.db.roleAssignment.create({ data: { userId: admin.id, role: "ADMIN", organisationId: orgB } });
    await t.db.user.create({ data: { organisationId: orgB, email: inB, name: "Kollega Norrby" } });
    userB = (await t.db.user.create({ data: { organisationId: orgB, email: "ny@norrby.example", name: "Ny Norrby" } })).id;
    adminB = await actorFor(t.db, admin.email);
    // What the answers must never contain: A's name and the names of A's people.
    const peopleA = await t.db.user.findMany({ where: { organisationId: orgA.id }, select: { name: true } });
    secrets = [orgA.name, ...peopleA.map((p) => p.name)];
  });
  afterAll(() => t?.close());

  const expectNothingOfA = (text: string) => {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/annan verksamhet|andra verksamhet/i);
  };

  it("the user form refuses a new account with A's address in the words it uses for B's own, and creates nothing", async () => {
    const own = await createUser(adminB, { name: "Dubblett", email: inB, password: "" }, t.db);
    expect(own).toEqual({ ok: false, code: "epost-kan-inte-anvandas", message: EMAIL_UNAVAILABLE });
    const before = await fullHash(t.db);
    for (const email of inA) {
      const answer = await createUser(adminB, { name: "Någon", email, password: "" }, t.db);
      expect(answer).toEqual(own);
      expectNothingOfA(answer.message);
    }
    expect(await fullHash(t.db)).toBe(before);
  });

  it("the user form refuses changing an account's address to A's in the same words, and changes nothing", async () => {
    const own = await updateUser(adminB, { userId: userB, name: "Ny Norrby", email: inB }, t.db);
    expect(own).toEqual({ ok: false, code: "epost-kan-inte-anvandas", message: EMAIL_UNAVAILABLE });
    const before = await fullHash(t.db);
    for (const email of inA) expect(await updateUser(adminB, { userId: userB, name: "Ny Norrby", email }, t.db)).toEqual(own);
    expect(await fullHash(t.db)).toBe(before);
  });

  it("the workbook refuses a row with A's address in the user form's words, in the preview and the import, and writes nothing", async () => {
    const content: WorkbookContent = await getWorkbookContent(orgB, t.db);
    const rows = inA.map((email, i) => ({ email, name: `Person ${i}`, role: "Enhetschef", scope: "Norrbyenheten" }));
    const bytes = await buildWorkbook(organisationSheets({ ...content, users: [...content.users, ...rows] }), new Date(0));
    const before = await fullHash(t.db);
    const preview = (await importOrganisationFile(adminB, { bytes, intent: "preview", previewed: "" }, SEEDED_TODAY, t.db))!;
    expect(preview.ok).toBe(false);
    const lines = (preview.details ?? []).filter((d) => d.includes("@arshjulet.example"));
    expect(lines).toHaveLength(inA.length);
    for (const line of lines) expect(line).toContain(EMAIL_UNAVAILABLE);
    for (const text of [preview.message, ...(preview.details ?? [])]) expectNothingOfA(text);
    const imported = (await importOrganisationFile(adminB, { bytes, intent: "import", previewed: preview.fingerprint ?? "x" }, SEEDED_TODAY, t.db))!;
    expect(imported).toMatchObject({ ok: false });
    for (const text of [imported.message, ...(imported.details ?? [])]) expectNothingOfA(text);
    expect(await fullHash(t.db)).toBe(before);
  });
});

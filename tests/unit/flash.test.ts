import { describe, expect, it } from "vitest";
import { FLASH_PARAM, flashBackPath, flashPath, flashText } from "@/lib/flash";
import { TASK_TEXTS, taskFailureCode, taskFlashName } from "@/lib/tasks/messages";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/forms";
import { routinePath } from "@/lib/routines/paths";
import { codeOfMessage, USER_TEXTS } from "@/lib/users/messages";

describe("status codes in redirects (issue 18, item 8)", () => {
  it("puts a code, and the id of the record it is about, in the address, never a text", () => {
    expect(flashPath("/admin/anvandare", "skapad", { about: "u1" })).toBe(`/admin/anvandare?${FLASH_PARAM}=skapad&om=u1`);
    expect(flashPath("/rutiner/a/version/2/redigera", "aktivitet-sparad", { hash: "aktivitet-x" })).toBe("/rutiner/a/version/2/redigera?status=aktivitet-sparad#aktivitet-x");
    // A page's own parameters stay; an earlier code and record are replaced, never doubled.
    expect(flashPath("/arshjul/dela?enhet=u1&status=skapad&om=l0", "aterkallad", { about: "l1" })).toBe("/arshjul/dela?enhet=u1&status=aterkallad&om=l1");
  });

  it("shows the page's own text for a known code and nothing for any other", () => {
    expect(flashText(USER_TEXTS, "roll-tillagd")).toEqual({ text: "Rollen är tillagd.", error: false });
    expect(flashText(USER_TEXTS, "sista-admin")).toEqual({ text: "Du kan inte ta bort din egen sista administratörsroll.", error: true });
    for (const crafted of ["Ditt konto är spärrat, ring 070-123 45 67", "constructor", "__proto__", "toString", "", undefined, ["skapad"], 1]) {
      expect(flashText(USER_TEXTS, crafted)).toBeNull();
    }
  });

  it("names the user only with the name the page looked up", () => {
    expect(flashText(USER_TEXTS, "skapad", "Anna Andersson")?.text).toBe("Anna Andersson är skapad. Ge hen en roll nedan.");
    expect(flashText(USER_TEXTS, "inaktiverad", null)?.text).toBe("Användaren är inaktiverad och utloggad.");
  });

  it("has a code for every message of the user schemas and of the action wrapper, and a generic one for the rest", () => {
    expect(codeOfMessage("Ange namn.")).toBe("namn-saknas");
    expect(codeOfMessage(CONTROL_CHARACTER_MESSAGE)).toBe("styrtecken");
    expect(codeOfMessage("Invalid input: expected string")).toBe("ogiltig");
    expect(codeOfMessage(undefined)).toBe("ogiltig");
    for (const { text } of Object.values(USER_TEXTS)) expect(text).toMatch(/[åäöÅÄÖ]|^[A-ZÅÄÖ{]/);
  });
});

describe("back to the page a plain form came from, with a code (a refused tick-off without JavaScript)", () => {
  const CHECKLIST = /^\/checklista(\/forsenade)?$/;
  const back = (referer: string | null) => flashBackPath(referer, CHECKLIST, "/checklista", "andrad-av-annan", { about: "t1" });

  it("keeps the list's own parameters and replaces an earlier code", () => {
    expect(back("http://localhost:3000/checklista?enhet=u1&ar=2026&filter=forsenade")).toBe("/checklista?enhet=u1&ar=2026&filter=forsenade&status=andrad-av-annan&om=t1");
    expect(back("https://arshjulet.kommun.se/checklista/forsenade?visa=alla&status=finns-inte&om=t9")).toBe("/checklista/forsenade?visa=alla&status=andrad-av-annan&om=t1");
  });

  it("goes to the fallback from any other page, a missing or odd Referer, and paths that normalise elsewhere", () => {
    for (const referer of [null, "", "inte en adress", "http://localhost/admin/anvandare", "http://localhost/checklista/uppgift/t1", "http://localhost/checklista/../admin", "http://localhost/checklista/%2e%2e/admin", "http://localhost//evil.example/checklista", "http://localhost/checklistan"]) {
      expect(back(referer), String(referer)).toBe("/checklista?status=andrad-av-annan&om=t1");
    }
  });

  it("maps every refusal of a task change to a text of its own, and names the task only from the page's list", () => {
    expect([taskFailureCode("STALE"), taskFailureCode("CLOSED"), taskFailureCode("READ_ONLY"), taskFailureCode("NOT_FOUND"), taskFailureCode("TRANSITION")].sort()).toEqual(Object.keys(TASK_TEXTS).sort());
    expect(taskFailureCode("INVALID")).toBe("gick-inte");
    expect(taskFailureCode(undefined)).toBe("gick-inte");
    const tasks = [{ id: "t1", activity: { title: "Brukarfika" } }];
    expect(flashText(TASK_TEXTS, "andrad-av-annan", taskFlashName(tasks, "t1"))?.text).toMatch(/^”Brukarfika” ändrades inte: någon annan hann/);
    expect(flashText(TASK_TEXTS, "cykeln-stangd", taskFlashName(tasks, "okand"))?.text).toMatch(/^Uppgiften ändrades inte/);
    expect(taskFlashName(tasks, null)).toBe("Uppgiften");
  });
});

describe("routinePath (issue 18, item 12)", () => {
  it("builds a routine's paths from a valid key and version only", () => {
    expect(routinePath("brukarundersokning", 2, "redigera")).toBe("/rutiner/brukarundersokning/version/2/redigera");
    expect(routinePath("brukarundersokning", 3)).toBe("/rutiner/brukarundersokning/version/3");
    expect(routinePath("brukarundersokning")).toBe("/rutiner/brukarundersokning");
  });

  it("falls back to the routine list for a key that could lead elsewhere", () => {
    for (const key of ["//evil.example", "/\\evil.example", "a/../../admin", "https://evil.example", "a?b", "a#b", "", "A", 7, null, undefined]) {
      expect(routinePath(key, 1)).toBe("/rutiner");
    }
    expect(routinePath("a", Number.NaN)).toBe("/rutiner/a");
    expect(routinePath("a", -1, "redigera")).toBe("/rutiner/a");
  });
});

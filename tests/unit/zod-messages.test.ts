import { describe, expect, it } from "vitest";
import { z } from "zod";
import "@/lib/forms";

describe("zod's default messages (set in lib/forms.ts)", () => {
  it("are Swedish and name no types, for what a schema gives no message of its own", () => {
    const schema = z.object({ id: z.string().min(1), name: z.string().min(2).max(5), count: z.number().max(9), kind: z.enum(["a", "b"]), on: z.iso.date() });
    const messages = (input: unknown) => schema.safeParse(input).error!.issues.map((i) => i.message);
    expect(messages({})).toEqual(["Uppgiften saknas.", "Uppgiften saknas.", "Uppgiften saknas.", "Välj ett av alternativen.", "Uppgiften saknas."]);
    expect(messages({ id: "", name: "x", count: 10, kind: "c", on: "igår" })).toEqual([
      "Fyll i fältet.", "Skriv minst 2 tecken.", "Värdet är för stort (högst 9).", "Välj ett av alternativen.", "Uppgiften har fel format.",
    ]);
    expect(messages({ id: 1, name: "abcdef", count: "9", kind: "a", on: "2026-01-01" })).toEqual(["Uppgiften har fel form.", "Skriv högst 5 tecken.", "Uppgiften har fel form."]);
  });

  it("leave a schema's own message alone", () => {
    expect(z.string({ error: "Ange namn." }).min(2, "Ange namn.").safeParse("").error!.issues[0]!.message).toBe("Ange namn.");
  });
});

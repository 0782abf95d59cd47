import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layoutLabels, shortenTitle, stack } from "@/lib/wheel/labels";
import { spanArc } from "@/lib/wheel/geometry";

const root = path.resolve(import.meta.dirname, "../..");
type SeedActivity = { title: string; startMonth: number | null; endMonth: number | null };
const seeded = (file: string) => (JSON.parse(readFileSync(path.join(root, "prisma/seed", file), "utf8")) as { activities: SeedActivity[] }).activities;
const OPTIONS = { center: { x: 500, y: 500 }, exitRadius: 506, columnGap: 20, top: 10, bottom: 990, lineHeight: 27, maxChars: 27 };

describe("the names beside the årshjul", () => {
  it("shortens a long title at a word, and leaves a short one as it is", () => {
    expect(shortenTitle("Brukarfika", 27)).toBe("Brukarfika");
    expect(shortenTitle("Information och syfte med brukarundersökningen på APT", 27)).toBe("Information och syfte … APT");
    expect(shortenTitle("Brukarfika med resultatet från brukarundersökningen", 27)).toBe("Brukarfika med resultatet…");
    expect(shortenTitle("Informationskortet", 10)).toBe("Informati…");
    // Two titles that begin alike keep their ends apart.
    expect(shortenTitle("Information om brukarundersökningen på kommunens webbplats", 27)).toBe("Information om … webbplats");
    expect(shortenTitle("Information om brukarundersökningen i sociala medier", 27)).toBe("Information om … medier");
  });

  it("stacks labels at least a line apart, in order, inside the column", () => {
    const ys = stack([100, 100, 101, 500, 990, 990], 10, 990, 27);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(27);
    expect(ys[0]).toBe(100);
    expect(ys.at(-1)).toBe(990);
    expect(ys[3]).toBe(500);
  });

  for (const files of [["routine-brukarundersokning.json"], ["routine-brukarundersokning.json", "routine-kvalitetssakring.json"]]) {
    it(`writes every activity's name without overlaps and inside the drawing: ${files.join(" + ")}`, () => {
      const activities = files.flatMap(seeded).filter((a) => a.startMonth !== null && a.endMonth !== null);
      const inputs = activities.map((a, i) => {
        const arc = spanArc(a.startMonth!, a.endMonth!);
        return { id: String(i), angle: arc.start + Math.min(12, (arc.end - arc.start) / 2), r: 300, text: a.title };
      });
      const labels = layoutLabels(inputs, OPTIONS);
      expect(labels).toHaveLength(activities.length);
      // No two names read the same on the wheel.
      const texts = labels.map((l) => l.text);
      expect(new Set(texts).size, texts.filter((x, i) => texts.indexOf(x) !== i).join(", ")).toBe(texts.length);
      for (const side of ["left", "right"] as const) {
        const ys = labels.filter((l) => l.side === side).map((l) => l.at.y).sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!, side).toBeGreaterThanOrEqual(OPTIONS.lineHeight - 0.01);
      }
      // Inside the viewBox (-440 -6 1880 1012): the text column of 27 characters at about 0.6 em of a 23-unit font.
      const columnWidth = OPTIONS.maxChars * 23 * 0.6;
      for (const l of labels) {
        expect(l.at.y).toBeGreaterThanOrEqual(OPTIONS.top);
        expect(l.at.y).toBeLessThanOrEqual(OPTIONS.bottom);
        expect(l.text.length).toBeLessThanOrEqual(OPTIONS.maxChars);
        if (l.side === "right") expect(l.at.x + columnWidth).toBeLessThanOrEqual(-440 + 1880);
        else expect(l.at.x - columnWidth).toBeGreaterThanOrEqual(-440);
      }
    });
  }

  it("puts January–June on the right and July–December on the left, leaving the wheel in the mark's own month", () => {
    const [feb, aug] = layoutLabels(
      [
        { id: "feb", angle: 45, r: 300, text: "Brukarfika" },
        { id: "aug", angle: 225, r: 300, text: "Brukarbrev 3" },
      ],
      OPTIONS,
    );
    expect(feb!.side).toBe("right");
    expect(aug!.side).toBe("left");
    const exit = feb!.leader[1]!;
    // 45° clockwise from the top: up and to the right of the centre, on the exit circle.
    expect(Math.hypot(exit.x - 500, exit.y - 500)).toBeCloseTo(506, 0);
    expect(exit.x).toBeGreaterThan(500);
    expect(exit.y).toBeLessThan(500);
  });
});

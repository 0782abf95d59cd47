import { describe, expect, it } from "vitest";
import { compactDetails, expandDetails } from "@/components/wheel/compact-details";
import { wheelDetails, wheelPanelMore } from "@/components/wheel/view";
import { benchRoutine, syntheticWheelData } from "../support/synthetic-wheel";

describe("the wheel's details with each text once (issue 35)", () => {
  it("gives back every detail as it was, links, text and rows included, in fewer bytes", () => {
    const data = syntheticWheelData([benchRoutine()], 60);
    const activity = data.routines[0]!.phases[0]!.activities[0]!;
    activity.overdueUnits = [
      { id: "u1", name: "Enhet 1.1", taskId: "task1" },
      { id: "u2", name: "Enhet 1.2", taskId: "task2" },
    ];
    const details = wheelDetails(data);
    details["action:a1"] = { title: "Åtgärd", rows: [{ label: "Status", value: "Pågår" }] };
    const compact = compactDetails(details);
    expect(expandDetails(structuredClone(compact))).toEqual(details);
    expect(details[activity.id]!.links).toEqual([
      { href: "/checklista/uppgift/task1", label: "Enhet 1.1" },
      { href: "/checklista/uppgift/task2", label: "Enhet 1.2" },
    ]);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(details).length * 0.7);
  });

  it("leaves the description and late units' links to the panel's fetch on /arshjul (wheelPanelMore)", () => {
    const data = syntheticWheelData([benchRoutine()], 60);
    const activity = data.routines[0]!.phases[0]!.activities[0]!;
    activity.description = "Beskrivning.";
    activity.overdueUnits = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, name: `Enhet ${i}`, taskId: `task${i}` }));
    const full = wheelDetails(data)[activity.id]!;
    const lazy = wheelDetails(data, true)[activity.id]!;
    expect(lazy.linksLabel).toBe("Försenade enheter (12)");
    expect(lazy).not.toHaveProperty("links");
    expect(lazy).not.toHaveProperty("text");
    expect(lazy.more).toBe(true);
    expect(expandDetails(structuredClone(compactDetails({ [activity.id]: lazy })))[activity.id]).toEqual(lazy);
    expect(wheelPanelMore(data)[activity.id]).toEqual({ text: full.text, links: full.links });
    expect(full.links).toHaveLength(11);
    expect(full.links!.at(-1)).toEqual({ href: `/oversikt?ar=${data.year}#forsenade`, label: "och 2 till: se Översikt" });
  });

  it("keys a wheel mark's detail by its place and takes its title from the wheel, and keeps a title that differs", () => {
    const details = { a: { title: "1. Första", rows: [{ label: "Fas", value: "Inför" }] }, b: { title: "Åtgärd", rows: [] }, survey: { title: "Enkät", rows: [] } };
    const marks = [["a", "1. Första"], ["b", "Förbättringsåtgärd: Åtgärd"]] as const;
    const compact = compactDetails(details, marks);
    expect(compact.strings).not.toContain("1. Första");
    expect(Object.keys(compact.details).sort()).toEqual(["#0", "#1", "survey"]);
    expect(expandDetails(structuredClone(compact), marks)).toEqual(details);
  });
});

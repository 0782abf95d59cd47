import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit";

describe("audit action labels", () => {
  it("gives every recorded action its own Swedish words", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label).not.toBe(action);
      expect(label).toMatch(/^[A-ZÅÄÖ]/);
    }
    expect(auditActionLabel("letter.correct")).toBe("Brukarbrev rättat");
  });

  it("shows an action stored by another version as it is stored", () => {
    expect(auditActionLabel("something.old")).toBe("something.old");
  });
});

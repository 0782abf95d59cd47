import { describe, expect, it } from "vitest";
import { containsIdentityNumber, describeLines, findIdentityNumberLines, hasValidCheckDigit } from "@/lib/personal-data";
import { fieldsWithIdentityNumbers, isCheckedField } from "@/lib/forms";

// Valid check digits (Luhn): 450101-1235, 450312-1230, 121212-1212; samordningsnummer 450161-1232 (1 January + 60);
// 000229-1235 (29 February 2000). 010229-1234 has a correct check digit but no such day (2001 is no leap year).
describe("containsIdentityNumber", () => {
  it.each([
    "19450101-1235",
    "194501011235",
    "450101-1235",
    "450101+1235",
    "4501011235",
    "19450101/1235",
    "19450101_1235",
    "450101.1235",
    "450101 1235",
    "450101 - 1235",
    "450101\\1235",
    "450101:1235",
    "450101–1235", // en dash
    "1945-01-01-1235",
    "45.01.01/1235",
    "45 01 01-1235",
    "450161-1232", // samordningsnummer
    "19450161-1232",
    "000229-1235",
    "20000229-1235",
    "121212-1212",
    "Brukaren 19450101/1235 ringde",
    "ÄR4501011235",
    "pnr:450101-1235.",
    "４５０１０１－１２３５", // full-width digits and hyphen
    "450101\u200b-1235", // a zero-width space in between
    // The probe of 6 December (issue 30, H3): any non-alphanumeric characters between the groups.
    "19450101  1235",
    "19450101--1235",
    "1945-01-011235",
    "1945_01_01_1235",
    "19450101,1235",
    "19450101\r\n1235",
    "Brukare 19450101\n\n1235 ringde",
    "19 45 01 01 1235",
    "450101 / - 1235",
    "450101\t1235",
    "19450101\u00a01235", // a no-break space
    "١٩٤٥٠١٠١-١٢٣٥", // Arabic-Indic digits
    "\u{1d7cf}\u{1d7d7}\u{1d7d2}\u{1d7d3}\u{1d7ce}\u{1d7cf}\u{1d7ce}\u{1d7cf}-1235", // mathematical bold digits
    "①⑨④⑤⓪①⓪①-①②③⑤", // circled digits
    "1\u03009450101-1235", // a combining mark inside
  ])("finds %s", (text) => {
    expect(containsIdentityNumber(text)).toBe(true);
  });

  it.each([
    ["a wrong check digit", "19450101-1234"],
    ["a wrong check digit, no separator", "4501011234"],
    ["a wrong check digit, samordningsnummer", "450161-1234"],
    ["no 13th month", "451301-1231"],
    ["no day 32", "450132-1238"],
    ["no day 0", "450100-1236"],
    ["no samordningsnummer day 92", "450192-1235"],
    ["no 29 February 2001", "010229-1234"],
    ["no 29 February 1900", "19000229-1235"],
    ["a longer digit run, before", "14501011235"],
    ["a longer digit run, after", "45010112350"],
    ["a longer 12-digit run", "1194501011235"],
    ["a date", "2026-12-01"],
    ["a date and a time", "2026-12-01 12:30"],
    ["a phone number", "070-123 45 67"],
    ["a phone number with area code", "08-508 012 35"],
    ["a case reference", "ÄR-2026-0012"],
    ["a count", "Vi skickade 1235 brev till 450 brukare"],
    ["an order number", "Order 2026-000123"],
    ["a year range", "2025-2026"],
    ["a Kolada row", "U21468;0180;2025;T;85,5;120"],
    ["a date and a time that Luhn would pass", "2026-12-01 12:35"],
    ["a mobile number in groups", "0701-23 45 67 and 070 123 45 67"],
    ["a number split inside its last four", "450101-12 35"],
    ["a letter between the groups", "19450101 x 1235"],
    ["a list of small numbers", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"],
  ])("leaves %s alone (%s)", (_what, text) => {
    expect(containsIdentityNumber(text)).toBe(false);
  });

  it("finds anything shaped like one without the check digit, when asked to", () => {
    expect(containsIdentityNumber("19450101/1234", { checkDigit: false })).toBe(true);
    expect(containsIdentityNumber("451301-1231", { checkDigit: false })).toBe(false);
    expect(containsIdentityNumber("ÄR-2026-0012", { checkDigit: false })).toBe(false);
  });

  it("checks the Luhn digit over ten digits", () => {
    expect(hasValidCheckDigit("4501011235")).toBe(true);
    expect(hasValidCheckDigit("4501011236")).toBe(false);
    expect(hasValidCheckDigit("450101123")).toBe(false);
  });

  it("names the lines, never the number", () => {
    expect(findIdentityNumberLines("a\nb 19450312-1230\nc\r\n450312_1230\n450312-1234")).toEqual([2, 4]);
    expect(describeLines([2, 4])).toBe("raderna 2 och 4");
    expect(describeLines([7])).toBe("rad 7");
  });
});

describe("fieldsWithIdentityNumbers", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    return data;
  };

  it("names every free-text field that holds one", () => {
    expect(fieldsWithIdentityNumbers(form({ comment: "ring 450101/1235", title: "Rubrik", otherComments: "19450101_1235" }))).toEqual(["comment", "otherComments"]);
  });

  it("checks an uploaded file's name too (it is stored with the import)", () => {
    const data = new FormData();
    data.set("file", new File(["arende"], "lista 19450101-1235.csv"));
    expect(fieldsWithIdentityNumbers(data)).toEqual(["file"]);
    data.set("file", new File(["arende"], "lista-2026-12-01.csv"));
    expect(fieldsWithIdentityNumbers(data)).toEqual([]);
  });

  it("leaves passwords, Next's own fields, and ids and digests the app made alone", () => {
    const digits = "4501011235";
    const cuid = "cm4501011235abcdefghijklm"; // a random cuid can hold a run of digits like this one
    const digest = "a4501011235b" + "0".repeat(52);
    expect(fieldsWithIdentityNumbers(form({ password: digits, taskId: cuid, id: cuid, digest, "$ACTION_1:0": digits }))).toEqual([]);
    expect(isCheckedField("comment", "x")).toBe(true);
    expect(isCheckedField("password", "x")).toBe(false);
  });

  it("checks a user-chosen token (the review's seed) and an id or digest that the app did not make (issue 30, H2)", () => {
    expect(fieldsWithIdentityNumbers(form({ randomSeed: "19450101-1235", taskId: "19450101-1235", digest: "4501011235" }))).toEqual(["randomSeed", "taskId", "digest"]);
  });
});

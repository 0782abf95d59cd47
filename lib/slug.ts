import { containsIdentityNumber } from "./personal-data.ts";

/** A key derived from Swedish text: "Brukarfika i maj" → "brukarfika-i-maj". */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  // Letters outside a–z fall away, so "19450101 ß 1235" would become a personnummer: a key never holds one (issue 30).
  if (containsIdentityNumber(slug)) return slugify(slug.replace(/\d+/g, ""));
  return slug || "aktivitet";
}

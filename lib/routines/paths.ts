import { keySchema } from "./schemas.ts";

/**
 * The path of a routine's page, or of one version's page (with "redigera" for its editor), built only from a valid
 * key and version number: anything else gives the routine list, so that no form field can send a redirect elsewhere.
 */
export function routinePath(key: unknown, version?: number, page?: "redigera"): string {
  const k = keySchema.safeParse(key);
  if (!k.success) return "/rutiner";
  if (version === undefined || !Number.isSafeInteger(version) || version < 1) return `/rutiner/${k.data}`;
  return `/rutiner/${k.data}/version/${version}${page ? `/${page}` : ""}`;
}

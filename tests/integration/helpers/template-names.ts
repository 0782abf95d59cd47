/** What the integration project's global setup prepares, and where the tests' PostgreSQL server is. */
export const TEMPLATE_CONTENTS = ["migrated", "seeded"] as const;
export type TemplateContent = (typeof TEMPLATE_CONTENTS)[number];
/** PostgreSQL template database names and PGlite data-directory dumps, by content. */
export type Templates = { run: string; postgres: Record<TemplateContent, string>; pglite: Record<TemplateContent, string> };

const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

/** The server every machine has (trust auth). Overridable, but only towards this machine. */
export function adminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.includes(host)) throw new Error(`Testerna vägrar använda en databas som inte är lokal (${host}).`);
  return url;
}

/** The address of a database on the tests' server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

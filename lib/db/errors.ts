/** Turns a connection or engine failure into one Swedish line, without stack traces or passwords. */
export function explainDbError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (code === "P2021" || /table .* does not exist/i.test(message)) {
    return "Databasen saknar tabeller: kör `npm run db:migrate` först.";
  }
  if (code === "P1003" || /database .* does not exist/i.test(message)) {
    return "Databasen i DATABASE_URL finns inte: skapa den först (createdb) eller rätta adressen.";
  }
  if (code === "P1000" || /password authentication failed/i.test(message)) {
    return "Databasen nekade inloggningen: kontrollera användare och lösenord i DATABASE_URL.";
  }
  if (code === "P1001" || /can't reach|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/i.test(message)) {
    return "Kunde inte ansluta till databasen: kontrollera DATABASE_URL och att PostgreSQL-servern är igång.";
  }
  const firstLine = message.split("\n")[0]!.replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…");
  return `Databasfel: ${firstLine}`;
}

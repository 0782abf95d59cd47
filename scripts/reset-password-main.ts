/**
 * `npm run admin:reset-password -- <e-post>`: break-glass for a server administrator. Prints a single-use link (30
 * minutes) with which the user sets a new password; nothing else changes until it is used. Exit 1 for an unknown or
 * deactivated user, 2 for a missing argument.
 */
import { getDb } from "../lib/db/index.ts";
import { issueResetLinkForEmail } from "../lib/users/password-tokens.ts";
import { serverStartConfig } from "./env-files.ts";
import { runCommand } from "./run-command.ts";

const HELP = `Användning: npm run admin:reset-password -- namn@kommun.se

Skriver ut en länk med vilken användaren väljer ett nytt lösenord. Länken gäller en gång och i 30 minuter, och
användarens tidigare länkar slutar gälla. Lösenordet och sessionerna ändras först när länken används.
Länken pekar på NEXTAUTH_URL (annars http://localhost:PORT). Ge den till användaren på ett säkert sätt.`;

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  if (args.length !== 1) {
    console.error("Ange en e-postadress: npm run admin:reset-password -- namn@kommun.se");
    return 2;
  }
  try {
    const result = await issueResetLinkForEmail(getDb(), args[0]!, serverStartConfig(process.env).env.NEXTAUTH_URL!);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(`Länk för nytt lösenord till ${result.name} (gäller en gång, i 30 minuter):`);
    console.log(result.link);
    return 0;
  } finally {
    await getDb().$disconnect();
  }
}

runCommand(() => main(process.argv.slice(2)));

import { explainDbError } from "../lib/db/errors.ts";

/**
 * Runs a command's `main` and exits with the code it returns. A thrown error is told in one line (`explain` when it
 * knows the error, else explainDbError) and exits 1. With `unfinished`, a `main` whose promise never settles (the
 * event loop runs dry first) exits 1 with that line, instead of 0 as if the work were done.
 */
export function runCommand(main: () => Promise<number>, { explain, unfinished }: { explain?: (error: unknown) => string | null; unfinished?: string } = {}): void {
  let settled = false;
  if (unfinished) {
    process.on("beforeExit", () => {
      if (settled) return;
      console.error(unfinished);
      process.exit(1);
    });
  }
  main().then(
    (code) => {
      settled = true;
      process.exit(code);
    },
    (error: unknown) => {
      settled = true;
      console.error(explain?.(error) ?? explainDbError(error));
      process.exit(1);
    },
  );
}

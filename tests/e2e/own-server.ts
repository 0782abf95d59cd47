import type { ChildProcess } from "node:child_process";

/** Stops a server a spec started itself (go-live, operations, production-install) and waits until it has exited. */
export async function stopOwnServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

// The entry point: lets the script load lib modules marked "server-only" (see allow-server-only.ts).
import "./allow-server-only.ts";

await import("./measure-import-stall-main.ts");

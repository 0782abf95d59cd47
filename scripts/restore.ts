// The entry point: reads .env and .env.local before anything else (load-env.ts), and lets the script load lib modules
// marked "server-only" (see allow-server-only.ts).
import "./load-env.ts";
import "./allow-server-only.ts";

await import("./restore-main.ts");

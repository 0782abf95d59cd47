/**
 * `node scripts/healthcheck.mjs` (the Dockerfile's HEALTHCHECK; the image has no curl): exit 0 when the server on
 * this machine answers GET /api/health with 200 within five seconds, else 1. PORT as for the server (default 3000).
 */
export {};

const url = `http://127.0.0.1:${process.env.PORT || "3000"}/api/health`;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) console.error(`${url} svarade ${response.status}.`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`${url} svarade inte: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

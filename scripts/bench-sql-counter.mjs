// Loaded into `next start` by `npm run bench` and `npm run load` (node --import): counts the SQL statements the app
// sends through pg (every Prisma query on PostgreSQL goes through pg.Client#query) and tells the count over loopback
// at BENCH_SQL_PORT. With BENCH_SQL_LOG=<file> it also appends each statement's text to that file, and a line
// "-- count N" each time the count is read, so that the statements between two readings can be told apart.
// Plain JavaScript, since it runs before anything that could compile TypeScript.
import { appendFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

let statements = 0;
const log = process.env.BENCH_SQL_LOG;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  if (log) {
    const text = typeof args[0] === "string" ? args[0] : args[0]?.text;
    appendFileSync(log, `${String(text).replace(/\s+/g, " ").slice(0, 400)}\n`);
  }
  return query.apply(this, args);
};
const port = Number(process.env.BENCH_SQL_PORT);
if (port) {
  const server = http.createServer((_, response) => {
    if (log) appendFileSync(log, `-- count ${statements}\n`);
    response.end(String(statements));
  });
  server.on("error", () => undefined); // a second process of the same server: the first one answers
  server.listen(port, "127.0.0.1");
  server.unref();
}

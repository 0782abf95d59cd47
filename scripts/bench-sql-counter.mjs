// Loaded into `next start` by `npm run bench` (node --import): counts the SQL statements the app sends through
// pg (every Prisma query on PostgreSQL goes through pg.Client#query) and tells the count over loopback at
// BENCH_SQL_PORT. Plain JavaScript, since it runs before anything that could compile TypeScript.
import http from "node:http";
import pg from "pg";

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};
const port = Number(process.env.BENCH_SQL_PORT);
if (port) {
  const server = http.createServer((_, response) => response.end(String(statements)));
  server.on("error", () => undefined); // a second process of the same server: the first one answers
  server.listen(port, "127.0.0.1");
  server.unref();
}

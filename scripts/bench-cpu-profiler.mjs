// Loaded into `next start` by `npm run load -- --profile <dir>` (node --import): a CPU profiler that the load script
// starts and stops per request kind over loopback at BENCH_PROFILE_PORT (`--cpu-prof` writes only on a clean exit,
// and the load script needs one profile per kind). POST /start starts sampling; POST /stop stops it and answers the
// profile (the .cpuprofile JSON of Chrome DevTools). Plain JavaScript, since it runs before anything that could
// compile TypeScript. A measurement tool: it changes nothing in the app.
import http from "node:http";
import { Session } from "node:inspector";

const port = Number(process.env.BENCH_PROFILE_PORT);
// Microseconds between samples: finer than the default 1 000 µs, since one request takes a few tens of ms.
const interval = Number(process.env.BENCH_PROFILE_INTERVAL_US || 250);

const session = new Session();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));

if (port) {
  session.connect();
  const server = http.createServer(async (request, response) => {
    try {
      if (request.method === "POST" && request.url === "/start") {
        await post("Profiler.enable");
        await post("Profiler.setSamplingInterval", { interval });
        await post("Profiler.start");
        response.end("ok");
      } else if (request.method === "POST" && request.url === "/stop") {
        const { profile } = await post("Profiler.stop");
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(profile));
      } else {
        response.statusCode = 404;
        response.end();
      }
    } catch (error) {
      response.statusCode = 500;
      response.end(String(error));
    }
  });
  server.on("error", () => undefined); // a second process of the same server: the first one answers
  server.listen(port, "127.0.0.1");
  server.unref();
}

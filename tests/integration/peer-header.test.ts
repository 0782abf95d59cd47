import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { installPeerHeader, PEER_HEADER } from "@/lib/auth/peer-header";

// A real HTTP server on loopback, patched as instrumentation.ts patches Next's: what does a handler see?
describe("the socket's address reaches the app in PEER_HEADER", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(patch: boolean) {
    server = http.createServer((req, res) => res.end(JSON.stringify({ peer: req.headers[PEER_HEADER] ?? null, xff: req.headers["x-forwarded-for"] ?? null })));
    if (patch) {
      installPeerHeader(server);
      installPeerHeader(server);
    }
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  function get(port: number, localAddress: string, headers: Record<string, string>) {
    return new Promise<{ peer: string | null; xff: string | null }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(JSON.parse(body)));
        })
        .on("error", reject);
    });
  }

  it("replaces a forged value with the connecting address, and the throttle keys on it", async () => {
    const port = await serve(true);
    const seen = await get(port, "127.0.0.2", { [PEER_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.2" });
    expect(seen.peer).toBe("127.0.0.2");
    expect(clientAddress(seen.peer!, seen.xff!, 0)).toBe("127.0.0.2");
    expect((await get(port, "127.0.0.3", {})).peer).toBe("127.0.0.3");
  });

  it("is the client's to write without the patch (what the patch is for)", async () => {
    const port = await serve(false);
    expect((await get(port, "127.0.0.2", { [PEER_HEADER]: "198.51.100.1" })).peer).toBe("198.51.100.1");
  });
});

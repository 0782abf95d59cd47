import { describe, expect, it } from "vitest";
import { GROUPS, groupOf, nodeGroupOf, summarize, type CpuProfile } from "@/scripts/cpu-profile-summary";

const root = "/srv/arshjulet";

describe("scripts/cpu-profile-summary.ts: where a profile's time goes", () => {
  it("names the group of a source file: React inside Next's runtime, next-auth, Prisma, our folders", () => {
    expect(groupOf("node_modules/next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js")).toBe(GROUPS.reactSsr);
    expect(groupOf("node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js")).toBe(GROUPS.flight);
    expect(groupOf("node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js")).toBe(GROUPS.flightClient);
    expect(groupOf("node_modules/next/dist/compiled/react/cjs/react.production.js")).toBe(GROUPS.react);
    expect(groupOf("node_modules/next/dist/server/app-render/app-render.js")).toBe(GROUPS.next);
    expect(groupOf("node_modules/next/dist/compiled/busboy/index.js")).toBe(GROUPS.next);
    expect(groupOf("node_modules/next-auth/jwt/index.js")).toBe(GROUPS.auth);
    expect(groupOf("node_modules/jose/dist/node/cjs/jwt/decrypt.js")).toBe(GROUPS.auth);
    expect(groupOf("node_modules/@prisma/client/runtime/client.js")).toBe(GROUPS.db);
    expect(groupOf("node_modules/pg-protocol/dist/parser.js")).toBe(GROUPS.db);
    expect(groupOf("node_modules/date-fns/format.js")).toBe("npm: date-fns");
    expect(groupOf("proxy.ts")).toBe(GROUPS.proxy);
    expect(groupOf("lib/request-log.ts")).toBe(GROUPS.proxy);
    expect(groupOf("lib/auth/session.ts")).toBe("app: lib/auth");
    expect(groupOf("lib/clock.ts")).toBe("app: lib/clock.ts");
    expect(groupOf("components/wheel/wheel.tsx")).toBe("app: components/wheel");
    expect(groupOf("app/(app)/checklista/page.tsx")).toBe("app: app/(app)/checklista");
    expect(nodeGroupOf("node:internal/crypto/hkdf")).toBe("node: crypto");
    expect(nodeGroupOf("node:_http_server")).toBe("node: http/net");
  });

  it("gives a node internal's or builtin's time to the library that called it, and leaves idle time out", () => {
    const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: "0" });
    // (root) → renderElement (react-dom server) → JSON.stringify (builtin)
    //        → jwtDecrypt (jose) → decipher (node crypto)
    //        → (garbage collector), (idle)
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 4, 6, 7] },
        { id: 2, callFrame: frame("renderElement", `${root}/node_modules/react-dom/cjs/react-dom-server.node.production.js`), children: [3] },
        { id: 3, callFrame: frame("stringify") },
        { id: 4, callFrame: frame("jwtDecrypt", `${root}/node_modules/jose/dist/node/cjs/jwt/decrypt.js`), children: [5] },
        { id: 5, callFrame: frame("final", "node:internal/crypto/cipher") },
        { id: 6, callFrame: frame("(garbage collector)") },
        { id: 7, callFrame: frame("(idle)") },
      ],
      startTime: 0,
      // Samples 1 ms apart: [2, 3, 3, 5, 6, 7], the last one lasting to endTime.
      samples: [2, 3, 3, 5, 6, 7],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
      endTime: 10_000,
    };
    const summary = summarize(profile, root);
    const ms = (group: string) => summary.owners.find((o) => o.group === group)?.ms ?? 0;
    expect(summary.totalMs).toBe(5);
    expect(summary.idleMs).toBe(5);
    expect(ms(GROUPS.reactSsr)).toBe(3);
    expect(ms(GROUPS.auth)).toBe(1);
    expect(ms(GROUPS.gc)).toBe(1);
    expect(ms("node: crypto")).toBe(0);
    expect(summary.functions[0]).toMatchObject({ name: "stringify", group: GROUPS.builtin, ms: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_ADDRESS } from "@/lib/auth/client-address";

describe("clientAddress (the sign-in throttle's key)", () => {
  describe("with no trusted proxy (the default)", () => {
    it("is the socket's address, whatever X-Forwarded-For says", () => {
      for (const forged of ["198.51.100.1", "198.51.100.2, 10.0.0.9", "", undefined, ["1.1.1.1", "2.2.2.2"]]) {
        expect(clientAddress("203.0.113.7", forged, 0)).toBe("203.0.113.7");
      }
    });

    it("gives two clients without the header two keys, not one shared bucket", () => {
      expect(clientAddress("203.0.113.7", undefined, 0)).not.toBe(clientAddress("203.0.113.8", undefined, 0));
    });

    it("counts an IPv4 peer on a dual-stack socket as its IPv4 address", () => {
      expect(clientAddress("::ffff:203.0.113.7", undefined, 0)).toBe("203.0.113.7");
      expect(clientAddress("2001:DB8::1", undefined, 0)).toBe("2001:db8::1");
    });

    it("falls back to one key only when the socket has no address", () => {
      expect(clientAddress(undefined, "198.51.100.1", 0)).toBe(UNKNOWN_ADDRESS);
    });
  });

  describe("with one trusted proxy", () => {
    const proxy = "10.0.0.2";
    it("takes the address the proxy appended, not what the client wrote before it", () => {
      expect(clientAddress(proxy, "203.0.113.7", 1)).toBe("203.0.113.7");
      expect(clientAddress(proxy, "198.51.100.1, 203.0.113.7", 1)).toBe("203.0.113.7");
      expect(clientAddress(proxy, "198.51.100.99,198.51.100.1 ,  203.0.113.7", 1)).toBe("203.0.113.7");
      expect(clientAddress(proxy, ["198.51.100.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
    });

    it("gives a rotated forged prefix the same key", () => {
      const keys = new Set(Array.from({ length: 20 }, (_, i) => clientAddress(proxy, `198.51.100.${i}, 203.0.113.7`, 1)));
      expect([...keys]).toEqual(["203.0.113.7"]);
    });

    it("uses the socket when the request has no header (it did not come through the proxy)", () => {
      expect(clientAddress("203.0.113.7", undefined, 1)).toBe("203.0.113.7");
      expect(clientAddress("203.0.113.7", "", 1)).toBe("203.0.113.7");
    });

    it("refuses a hop that is not an address and counts the socket instead", () => {
      expect(clientAddress(proxy, "okänd", 1)).toBe(proxy);
      expect(clientAddress(proxy, "198.51.100.1, <script>", 1)).toBe(proxy);
    });
  });

  describe("with two trusted proxies", () => {
    it("takes the second entry from the right", () => {
      expect(clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
      expect(clientAddress("10.0.0.2", "203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    });

    it("takes the left-most hop when there are fewer than the proxies", () => {
      expect(clientAddress("10.0.0.2", "203.0.113.7", 2)).toBe("203.0.113.7");
      expect(clientAddress("203.0.113.7", undefined, 2)).toBe("203.0.113.7");
    });
  });
});

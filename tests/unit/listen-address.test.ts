import { describe, expect, test } from "vitest";
import { listenUrl } from "../../app/lib/server/listen-address.server";

describe("the address the server logs", () => {
  test.each([
    [{ address: "127.0.0.1", family: "IPv4", port: 3000 }, "http://127.0.0.1:3000"],
    [{ address: "192.168.1.20", family: "IPv4", port: 8080 }, "http://192.168.1.20:8080"],
    [{ address: "::1", family: "IPv6", port: 3000 }, "http://[::1]:3000"],
    [
      { address: "0.0.0.0", family: "IPv4", port: 3000 },
      "http://localhost:3000 (all IPv4 interfaces)",
    ],
    [
      { address: "::", family: "IPv6", port: 3000 },
      "http://localhost:3000 (all IPv6 and IPv4 interfaces)",
    ],
  ])("%j → %s", (address, expected) => {
    expect(listenUrl(address)).toBe(expected);
  });
});

import { describe, expect, test } from "vitest";
import { safeRedirect } from "../../app/lib/http/safe-redirect";

describe("safeRedirect", () => {
  test.each([
    ["/a/abc/results", "/a/abc/results"],
    ["/hub/companies?page=2#top", "/hub/companies?page=2#top"],
    ["/start?type=pso", "/start?type=pso"],
    // Non-Latin-1 characters come back percent-encoded: a valid Location header.
    ["/sök/ö", "/s%C3%B6k/%C3%B6"],
    ["/\ud800", "/%EF%BF%BD"],
  ])("keeps the same-origin path %j as %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  test.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u0000",
    "/x\u0085y",
    "/x\u00a0y",
    "https://evil.example/",
    "evil.example",
    "",
    undefined,
    42,
    ["/hub"],
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });
});

import { describe, expect, test } from "vitest";
import { passwordProblem } from "../../app/lib/core/password-rules";
import {
  checkNewPassword,
  commonPasswords,
  hashPassword,
  verifyPassword,
} from "../../app/lib/server/passwords.server";

describe("new passwords", () => {
  test("the common-password list holds the 10,000 most common passwords", () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(9_900); // A few differ only in case.
    expect(list.size).toBeLessThanOrEqual(10_000);
    expect(list.has("123456")).toBe(true);
    expect(list.has("password")).toBe(true);
  });

  test.each([
    ["short", "too-short"],
    ["elevenchars", "too-short"],
    ["åäöåäöåäöåä", "too-short"], // 11 characters, 22 bytes
    ["x".repeat(201), "too-long"],
    ["1234567890ab", null],
    ["qwerty123456", "too-common"],
    ["LeaveMeAlone", "too-common"],
    ["correct horse battery staple", null],
  ])("%j → %s", (password, problem) => {
    expect(checkNewPassword(password)).toBe(problem);
  });

  test("the rule itself takes any list", () => {
    expect(passwordProblem("twelve chars", (p) => p === "twelve chars")).toBe("too-common");
    expect(passwordProblem("twelve chars", () => false)).toBeNull();
  });

  test("argon2id hashes verify, and a missing hash never does", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  }, 30_000);
});

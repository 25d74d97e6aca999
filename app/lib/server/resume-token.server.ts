import { createHash, randomBytes } from "node:crypto";

// 24 random bytes = 192 bits, written as 32 base64url characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** A new private resume token and the hash that is the only thing stored. */
export function createResumeToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashResumeToken(token) };
}

/** The stored form of a token. */
export function hashResumeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string could be a token at all (a malformed one is never looked up). */
export function isWellFormedToken(token: string | undefined): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

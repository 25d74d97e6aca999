import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";
import { passwordProblem, type PasswordProblem } from "../core/password-rules";

/**
 * argon2id with 64 MiB of memory and 3 passes, one lane: about 60–100 ms per hash on the
 * project's 2-core machines (docs/decisions/008-staff-authentication.md records the
 * measurement; `npm run bench:password` repeats it).
 */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot read)
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
} as const;

/** The number of most common passwords refused. */
export const COMMON_PASSWORD_COUNT = 10_000;

let common: ReadonlySet<string> | undefined;

/**
 * The 10,000 most common passwords, lower-cased: the head of the frequency-ordered list
 * that @zxcvbn-ts/language-common ships (compiled from leaked-password corpora).
 */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const file = createRequire(import.meta.url).resolve(
      "@zxcvbn-ts/language-common/src/passwords.json",
    );
    const list = JSON.parse(readFileSync(file, "utf8")) as string[];
    common = new Set(list.slice(0, COMMON_PASSWORD_COUNT).map((p) => p.toLowerCase()));
  }
  return common;
}

/** Why a new password is refused (length, or among the most common), or null. */
export function checkNewPassword(password: string): PasswordProblem | null {
  const set = commonPasswords();
  return passwordProblem(password, (p) => set.has(p));
}

/** The argon2id hash (PHC string) of a password. Runs on the libuv thread pool. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`. With no hash (an unknown email, or an
 * account without a password yet) it verifies against a dummy hash of the same cost, so
 * the response time does not tell the cases apart, and answers false.
 */
export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("not the password of anyone here");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

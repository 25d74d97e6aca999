import { verifyTOTP } from "@epic-web/totp";
import type { Executor } from "../../../db/database";
import {
  claimTotpStep,
  consumeRecoveryCode,
  countRecentFailures,
  deleteSession,
  deleteSignInAttempt,
  findUserByEmail,
  insertSignInAttempt,
  pruneSignInAttempts,
  settleSignInAttempt,
  updateUser,
  type SessionWithUser,
} from "../../../db/queries/staff";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { verifyPassword } from "./passwords.server";
import { startSession, tokenHash } from "./sessions.server";

/** At most 5 failed sign-ins per account… */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** …and 50 per client address… */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** …in 15 minutes. */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

export interface Client {
  ip: string;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; token: string; stage: "full" | "second_factor"; userId: string }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Counts an attempt before checking it, so that attempts in flight in other processes
 * count too; refuses it (and forgets it) when the account or the address is over its
 * limit. Returns the attempt's id, or the wait.
 */
async function takeAttempt(
  emailKey: string,
  ip: string,
): Promise<{ id: string } | { retryAfterSeconds: number }> {
  const { db } = database();
  if (Math.random() < 0.01) await pruneSignInAttempts(db);
  const id = await insertSignInAttempt(db, { email_key: emailKey, ip });
  const counts = await countRecentFailures(
    db,
    { email_key: emailKey, ip },
    THROTTLE_WINDOW_SECONDS,
  );
  const waits: number[] = [];
  if (counts.email > MAX_FAILURES_PER_ACCOUNT && counts.emailOldest) {
    waits.push(secondsUntilFree(counts.emailOldest));
  }
  if (counts.ip > MAX_FAILURES_PER_ADDRESS && counts.ipOldest) {
    waits.push(secondsUntilFree(counts.ipOldest));
  }
  if (waits.length === 0) return { id };
  await deleteSignInAttempt(db, id);
  return { retryAfterSeconds: Math.max(...waits) };
}

function secondsUntilFree(oldest: Date): number {
  return Math.max(
    1,
    Math.ceil((oldest.getTime() + THROTTLE_WINDOW_SECONDS * 1000 - Date.now()) / 1000),
  );
}

/**
 * Checks an email and password. The same answer ("invalid") and the same work (one
 * argon2id verification) for an unknown email and a wrong password; "disabled" only once
 * the password was right. With a second factor turned on, the session it starts opens
 * only the code page.
 */
export async function signIn(
  input: { email: string; password: string },
  client: Client,
): Promise<SignInResult> {
  const emailKey = input.email.trim().toLowerCase();
  const taken = await takeAttempt(emailKey, client.ip);
  if ("retryAfterSeconds" in taken) {
    await audit({ actor: null, actorEmail: emailKey, action: "sign_in.throttled", ip: client.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
  }
  const { db } = database();
  const user = await findUserByEmail(db, emailKey);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk) {
    await recordFailure(taken.id, { user, emailKey }, "password", client);
    return { ok: false, reason: "invalid" };
  }
  if (user.status !== "active") {
    await recordFailure(taken.id, { user, emailKey }, "disabled", client);
    return { ok: false, reason: "disabled" };
  }
  await settleSignInAttempt(db, taken.id, "succeeded");
  const stage = user.totp_enabled_at ? "second_factor" : "full";
  const token = await startSession(user.id, stage, {
    ip: client.ip,
    userAgent: client.userAgent,
  });
  if (stage === "full") await completeSignIn(user.id, user.email, client, null);
  return { ok: true, token, stage, userId: user.id };
}

/** Counts a failed attempt and records it in the audit log. */
async function recordFailure(
  attemptId: string,
  who: { user?: { id: string; email: string }; emailKey: string },
  reason: "password" | "disabled" | "second_factor",
  client: Client,
): Promise<void> {
  await settleSignInAttempt(database().db, attemptId, "failed");
  await audit({
    actor: who.user ? { id: who.user.id, email: who.user.email } : null,
    actorEmail: who.emailKey,
    action: "sign_in.failed",
    details: { reason },
    ip: client.ip,
  });
}

async function completeSignIn(
  userId: string,
  email: string,
  client: Client,
  secondFactor: "totp" | "recovery_code" | null,
): Promise<void> {
  const { db } = database();
  await updateUser(db, userId, { last_sign_in_at: new Date() });
  await audit({
    actor: { id: userId, email },
    action: "sign_in.succeeded",
    details: secondFactor ? { secondFactor } : {},
    ip: client.ip,
  });
}

/** A 6-digit code of the authenticator app, or a recovery code (xxxxx-xxxxx). */
export function normaliseCode(code: string): { kind: "totp" | "recovery"; value: string } | null {
  const compact = code.replace(/\s+/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", value: compact };
  if (/^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(compact)) {
    return { kind: "recovery", value: compact.replace("-", "") };
  }
  return null;
}

/** The authenticator's period: a code belongs to one 30-second step. */
const TOTP_PERIOD_SECONDS = 30;

/**
 * The step a TOTP code is right for (now, or one step of clock drift either way), or null
 * when it is wrong. Pass the step to `claimTotpStep`, which refuses a code used before.
 */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  const result = await verifyTOTP({
    otp: code,
    secret,
    algorithm: "SHA-1",
    period: TOTP_PERIOD_SECONDS,
    window: 1,
  });
  return result === null ? null : now + result.delta;
}

/**
 * Whether a TOTP code is right for the account's secret and was not used before: a code
 * opens one sign-in (or one set-up), never a second one within its validity window.
 */
export async function spendTotpCode(
  db: Executor,
  user: { id: string; totp_secret: string | null },
  code: string,
): Promise<boolean> {
  if (!user.totp_secret) return false;
  const step = await totpStep(user.totp_secret, code);
  return step !== null && (await claimTotpStep(db, user.id, step));
}

export type SecondFactorResult =
  | { ok: true; token: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Completes a sign-in with the second factor: the authenticator's code or an unused
 * recovery code. Wrong codes count against the account's limit like wrong passwords.
 * On success the pending session is replaced by a new, full one (a new token).
 */
export async function verifySecondFactor(
  session: SessionWithUser,
  code: string,
  client: Client,
): Promise<SecondFactorResult> {
  const { user } = session;
  const emailKey = user.email.toLowerCase();
  const taken = await takeAttempt(emailKey, client.ip);
  if ("retryAfterSeconds" in taken) {
    return { ok: false, reason: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
  }
  const { db } = database();
  const parsed = normaliseCode(code);
  let ok = false;
  if (parsed?.kind === "totp") {
    ok = await spendTotpCode(db, user, parsed.value);
  } else if (parsed?.kind === "recovery") {
    ok = await consumeRecoveryCode(db, user.id, tokenHash(parsed.value));
  }
  if (!ok) {
    await recordFailure(taken.id, { user, emailKey }, "second_factor", client);
    return { ok: false, reason: "invalid" };
  }
  await settleSignInAttempt(db, taken.id, "succeeded");
  await deleteSession(db, session.sessionId);
  const token = await startSession(user.id, "full", client);
  if (parsed?.kind === "recovery") {
    await audit({
      actor: { id: user.id, email: user.email },
      action: "second_factor.recovery_code_used",
      ip: client.ip,
    });
  }
  await completeSignIn(
    user.id,
    user.email,
    client,
    parsed?.kind === "recovery" ? "recovery_code" : "totp",
  );
  return { ok: true, token };
}

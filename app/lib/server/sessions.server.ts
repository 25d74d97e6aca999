import { createHash, randomBytes } from "node:crypto";
import {
  deleteSession,
  deleteUserSessions,
  findValidSession,
  insertSession,
  listUserSessions,
  touchSession,
  type SessionWithUser,
} from "../../../db/queries/staff";
import type { Executor } from "../../../db/database";
import type { SessionStage } from "../../../db/schema";
import { database } from "./db.server";

/** A session ends after 12 hours without a request… */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** …and 7 days after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** Between the password and the second factor: 10 minutes. */
export const SECOND_FACTOR_SECONDS = 10 * 60;
/** The last-seen time is written at most once a minute per session. */
const TOUCH_AFTER_MS = 60_000;

/** SHA-256 (hex) of a token: what the database keeps instead of the token itself. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random token (32 bytes, base64url). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape of a token this server issued; anything else is not looked up. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Starts a session for a user; returns the cookie's token. A second-factor session lasts
 * 10 minutes and opens nothing but the code page.
 */
export async function startSession(
  userId: string,
  stage: SessionStage,
  client: { ip: string | null; userAgent: string | null },
  db: Executor = database().db,
): Promise<string> {
  const token = newToken();
  const seconds = stage === "full" ? SESSION_ABSOLUTE_SECONDS : SECOND_FACTOR_SECONDS;
  await insertSession(db, {
    id: tokenHash(token),
    user_id: userId,
    stage,
    expires_at: new Date(Date.now() + seconds * 1000),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * The valid session of a token (not expired, not idle, its account active), or undefined.
 * A malformed, forged or foreign token is simply not found.
 */
export async function readSession(token: unknown): Promise<SessionWithUser | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const { db } = database();
  const session = await findValidSession(db, tokenHash(token), SESSION_IDLE_SECONDS);
  if (session && Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, session.sessionId);
  }
  return session;
}

/** Ends one session (sign out). */
export async function endSession(sessionId: string): Promise<void> {
  await deleteSession(database().db, sessionId);
}

/** Ends every session of a user but `keepSessionId`; returns how many ended. */
export async function endUserSessions(
  userId: string,
  keepSessionId?: string,
  db: Executor = database().db,
): Promise<number> {
  return deleteUserSessions(db, userId, keepSessionId);
}

/** The user's open sessions, for the account page. */
export async function openSessions(userId: string) {
  return listUserSessions(database().db, userId, SESSION_IDLE_SECONDS);
}

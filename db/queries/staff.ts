import { sql } from "kysely";
import type { Executor } from "../database";
import type {
  NewUser,
  OneTimeLinkPurpose,
  SessionStage,
  StaffRole,
  User,
  UserStatus,
} from "../schema";

// ---- users ----

/** The user with this email (case-insensitive), or undefined. */
export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

/** The user with this id, or undefined (a malformed id is simply not found). */
export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a user; returns it. Throws on a duplicate email (unique index on lower(email)). */
export async function insertUser(db: Executor, user: NewUser): Promise<User> {
  return db.insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
}

/** Every staff member, hub leads first, then by name. */
export async function listUsers(db: Executor): Promise<User[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .orderBy(sql`case when role = 'hub_lead' then 0 else 1 end`)
    .orderBy("name")
    .execute();
}

/** Updates fields of a user (and its updated_at). */
export async function updateUser(
  db: Executor,
  id: string,
  fields: {
    name?: string;
    role?: StaffRole;
    partner_id?: string | null;
    status?: UserStatus;
    language?: "sv" | "en";
    password_hash?: string | null;
    totp_secret?: string | null;
    totp_enabled_at?: Date | null;
    totp_last_step?: string | null;
    last_sign_in_at?: Date;
  },
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...fields, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/**
 * Records that an authenticator code of `step` (a 30-second step number) was used, in one
 * statement: only when no code of this step or a later one was used before, so two
 * requests with the same code cannot both pass. Returns whether the step was claimed.
 */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set({ totp_last_step: String(step) })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", String(step))]),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Active hub leads, for the "last hub lead" rule. */
export async function countActiveHubLeads(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select(sql<number>`count(*)::int`.as("count"))
    .where("role", "=", "hub_lead")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return row.count;
}

// ---- sessions ----

/** A session row joined with its user, as the guards read it. */
export interface SessionWithUser {
  sessionId: string;
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: User;
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    user_id: string;
    stage: SessionStage;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/**
 * The session with this id if it is still valid: not past its absolute expiry, seen
 * within `idleSeconds`, and its user active. Anything else reads as no session.
 */
export async function findValidSession(
  db: Executor,
  id: string,
  idleSeconds: number,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.stage as session_stage",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at as session_last_seen_at",
      "sessions.expires_at as session_expires_at",
    ])
    .where("sessions.id", "=", id)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("sessions.last_seen_at", ">", sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .where("users.status", "=", "active")
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_id,
    session_stage,
    session_created_at,
    session_last_seen_at,
    session_expires_at,
    ...user
  } = row;
  return {
    sessionId: session_id,
    stage: session_stage,
    createdAt: session_created_at,
    lastSeenAt: session_last_seen_at,
    expiresAt: session_expires_at,
    user,
  };
}

/** Marks a session as seen now (the idle timeout restarts). */
export async function touchSession(db: Executor, id: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Replaces a session (a new id after the second factor, against session fixation). */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user, except `keepId` if given; returns how many ended. */
export async function deleteUserSessions(
  db: Executor,
  userId: string,
  keepId?: string,
): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepId) query = query.where("id", "!=", keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user's valid, fully signed-in sessions, newest first. */
export async function listUserSessions(db: Executor, userId: string, idleSeconds: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .where("stage", "=", "full")
    .where("expires_at", ">", sql<Date>`now()`)
    .where("last_seen_at", ">", sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .orderBy("last_seen_at", "desc")
    .execute();
}

// ---- one-time links ----

export async function insertOneTimeLink(
  db: Executor,
  link: { token_hash: string; user_id: string; purpose: OneTimeLinkPurpose; expires_at: Date },
): Promise<void> {
  await db.insertInto("one_time_links").values(link).execute();
}

/** An unused, unexpired link with this token hash, with its (active) user. */
export async function findUsableLink(db: Executor, tokenHash: string) {
  return db
    .selectFrom("one_time_links")
    .innerJoin("users", "users.id", "one_time_links.user_id")
    .select([
      "one_time_links.token_hash",
      "one_time_links.purpose",
      "one_time_links.user_id",
      "users.email",
      "users.name",
      "users.language",
    ])
    .where("one_time_links.token_hash", "=", tokenHash)
    .where("one_time_links.used_at", "is", null)
    .where("one_time_links.expires_at", ">", sql<Date>`now()`)
    .where("users.status", "=", "active")
    .executeTakeFirst();
}

/**
 * Uses a link: marks it used if it still is usable. Returns false when another request
 * used it first (the update is the single point of truth, so a link works exactly once).
 */
export async function consumeLink(db: Executor, tokenHash: string): Promise<boolean> {
  const result = await db
    .updateTable("one_time_links")
    .set({ used_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Voids every unused link of a user (a newer link replaces older ones). */
export async function voidUserLinks(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable("one_time_links")
    .set({ used_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

// ---- recovery codes ----

export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto("recovery_codes")
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Uses one recovery code; false when it is unknown or already used. */
export async function consumeRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select(sql<number>`count(*)::int`.as("count"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.count;
}

// ---- sign-in attempts (throttling) ----

/** Records an attempt before the password is checked; returns its id. */
export async function insertSignInAttempt(
  db: Executor,
  attempt: { email_key: string; ip: string },
): Promise<string> {
  const row = await db
    .insertInto("sign_in_attempts")
    .values({ ...attempt, outcome: "pending" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function settleSignInAttempt(
  db: Executor,
  id: string,
  outcome: "failed" | "succeeded",
): Promise<void> {
  await db.updateTable("sign_in_attempts").set({ outcome }).where("id", "=", id).execute();
}

export async function deleteSignInAttempt(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("id", "=", id).execute();
}

/**
 * Unsuccessful attempts (failed or still being checked) in the window, for an email
 * (since its last successful sign-in) and for an address, each with the oldest one's time.
 */
export async function countRecentFailures(
  db: Executor,
  key: { email_key: string; ip: string },
  windowSeconds: number,
): Promise<{ email: number; emailOldest: Date | null; ip: number; ipOldest: Date | null }> {
  const since = sql<Date>`now() - make_interval(secs => ${windowSeconds})`;
  const email = await db
    .selectFrom("sign_in_attempts")
    .select([sql<number>`count(*)::int`.as("count"), sql<Date | null>`min(at)`.as("oldest")])
    .where("email_key", "=", key.email_key)
    .where("outcome", "!=", "succeeded")
    .where("at", ">", since)
    .where(
      "at",
      ">",
      sql<Date>`coalesce((select max(s.at) from sign_in_attempts s where s.email_key = ${key.email_key} and s.outcome = 'succeeded'), '-infinity'::timestamptz)`,
    )
    .executeTakeFirstOrThrow();
  const ip = await db
    .selectFrom("sign_in_attempts")
    .select([sql<number>`count(*)::int`.as("count"), sql<Date | null>`min(at)`.as("oldest")])
    .where("ip", "=", key.ip)
    .where("outcome", "!=", "succeeded")
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return {
    email: email.count,
    emailOldest: email.oldest,
    ip: ip.count,
    ipOldest: ip.oldest,
  };
}

/** Forgets attempts older than a day (they no longer count for anything). */
export async function pruneSignInAttempts(db: Executor): Promise<void> {
  await db
    .deleteFrom("sign_in_attempts")
    .where("at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}

// ---- assignments ----

/** The advisers assigned to a company. */
export async function assignedAdviserIds(db: Executor, companyId: string): Promise<string[]> {
  if (!isUuid(companyId)) return [];
  const rows = await db
    .selectFrom("company_assignments")
    .select("user_id")
    .where("company_id", "=", companyId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Assigns a company to an adviser; false when it already was. */
export async function insertAssignment(
  db: Executor,
  assignment: { company_id: string; user_id: string; assigned_by: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto("company_assignments")
    .values(assignment)
    .onConflict((oc) => oc.columns(["company_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Removes an assignment; false when there was none. */
export async function deleteAssignment(
  db: Executor,
  companyId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("company_assignments")
    .where("company_id", "=", companyId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A UUID in its canonical text form (so a bad id in a URL is "not found", not a 500). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

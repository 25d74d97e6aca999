import {
  countActiveHubLeads,
  consumeLink,
  findUsableLink,
  findUserByEmail,
  findUserById,
  insertOneTimeLink,
  insertUser,
  listUsers,
  updateUser,
  voidUserLinks,
} from "../../../db/queries/staff";
import type { Executor } from "../../../db/database";
import type { User } from "../../../db/schema";
import { partnerName } from "../core/hub";
import type { LanguageId } from "../core/vocabularies";
import type { Actor, StaffRole } from "../core/staff-policy";
import { NewStaffSchema, type NewStaff } from "../core/staff-account";
import type { PasswordProblem } from "../core/password-rules";
import { secondsUntilToken, takeToken, type Bucket } from "../../../db/queries/rate-limits";
import { audit } from "./audit.server";
import { RateLimited } from "./creation-limit.server";
import { assignedCompanyIds } from "../../../db/queries/dashboard";
import { withCompanyChange } from "./company-changes.server";
import { database } from "./db.server";
import { getHubConfig } from "./hub.server";
import { translatorFor } from "./i18n.server";
import { sendMail } from "./mail.server";
import { checkNewPassword, hashPassword, verifyPassword } from "./passwords.server";
import { endUserSessions, newToken, tokenHash } from "./sessions.server";

/** An invitation or reset link is valid for 72 hours. */
export const LINK_VALID_HOURS = 72;

/** Why a staff operation was refused; `code` names the message (`hub.errors.<code>`). */
export class StaffError extends Error {
  constructor(
    readonly code:
      | "email-taken"
      | "unknown-partner"
      | "unknown-user"
      | "last-hub-lead"
      | "link-invalid"
      | "wrong-password"
      | "second-factor-required"
      | PasswordProblem,
    readonly field?: string,
  ) {
    super(code);
    this.name = "StaffError";
  }
}

function checkPartner(partnerId: string | null): void {
  if (partnerId !== null && partnerName(getHubConfig(), partnerId) === undefined) {
    throw new StaffError("unknown-partner", "partnerId");
  }
}

/** Who did it and from where, for the audit log. */
export interface By {
  actor: Actor | null;
  ip: string | null;
}

/**
 * Creates a staff account. With `password` it can sign in at once; without, it gets a
 * one-time link (72 h) to set its password, returned as a token.
 */
export async function createStaffAccount(
  input: NewStaff,
  by: By,
  options: { password?: string; action?: "staff.created" | "staff.invited" } = {},
): Promise<{ user: User; linkToken: string | null }> {
  const data = NewStaffSchema.parse(input);
  checkPartner(data.partnerId);
  if (options.password !== undefined) {
    const problem = checkNewPassword(options.password);
    if (problem) throw new StaffError(problem, "password");
  }
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  const { db } = database();
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, data.email)) throw new StaffError("email-taken", "email");
    const user = await insertUser(trx, {
      email: data.email,
      name: data.name,
      role: data.role,
      partner_id: data.partnerId,
      language: data.language,
      password_hash: passwordHash,
    });
    const linkToken = passwordHash ? null : await issueLink(trx, user.id, "invite");
    await audit(
      {
        actor: by.actor,
        action: options.action ?? "staff.created",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: user.role, partnerId: user.partner_id },
        ip: by.ip,
      },
      trx,
    );
    return { user, linkToken };
  });
}

async function issueLink(
  db: Executor,
  userId: string,
  purpose: "invite" | "reset",
): Promise<string> {
  await voidUserLinks(db, userId);
  const token = newToken();
  await insertOneTimeLink(db, {
    token_hash: tokenHash(token),
    user_id: userId,
    purpose,
    expires_at: new Date(Date.now() + LINK_VALID_HOURS * 3600 * 1000),
  });
  return token;
}

/** The page of a one-time link, on the server at `origin`. */
export function oneTimeLinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/hub/set-password/${token}`;
}

/**
 * Emails a one-time link to a staff member in their language, when SMTP is configured.
 * Returns whether it was sent.
 */
export async function emailOneTimeLink(
  user: Pick<User, "email" | "name" | "language">,
  purpose: "invite" | "reset",
  url: string,
): Promise<boolean> {
  const t = translatorFor(user.language as LanguageId);
  const hub = getHubConfig().name[user.language as LanguageId];
  const variables = { name: user.name, hub, url, hours: LINK_VALID_HOURS };
  return sendMail({
    to: user.email,
    subject: t(`hub.mail.${purpose}Subject`, variables),
    text: t(`hub.mail.${purpose}Body`, variables),
  });
}

/** Invites a new staff member: the account and its one-time link (emailed when possible). */
export async function inviteStaff(
  input: NewStaff,
  by: By,
  origin: string,
): Promise<{ user: User; url: string; emailed: boolean }> {
  const { user, linkToken } = await createStaffAccount(input, by, { action: "staff.invited" });
  const url = oneTimeLinkUrl(origin, linkToken!);
  const emailed = await emailOneTimeLink(user, "invite", url);
  return { user, url, emailed };
}

/** A new password-reset link for a staff member (emailed when possible); older links die. */
export async function issueResetLink(
  userId: string,
  by: By,
  origin: string,
): Promise<{ user: User; url: string; emailed: boolean }> {
  const { db } = database();
  const user = await findUserById(db, userId);
  if (!user || user.status !== "active") throw new StaffError("unknown-user");
  const token = await db.transaction().execute(async (trx) => {
    const issued = await issueLink(trx, user.id, user.password_hash ? "reset" : "invite");
    await audit(
      {
        actor: by.actor,
        action: "staff.reset_link_issued",
        target: { type: "user", id: user.id },
        ip: by.ip,
      },
      trx,
    );
    return issued;
  });
  const url = oneTimeLinkUrl(origin, token);
  const emailed = await emailOneTimeLink(user, user.password_hash ? "reset" : "invite", url);
  return { user, url, emailed };
}

/**
 * Self-service reset ("forgot password"), only when email can be sent: sends a link if
 * an active account has this email, and says nothing either way.
 */
export async function requestPasswordReset(
  email: string,
  ip: string,
  origin: string,
): Promise<void> {
  const { db } = database();
  // Every request from an address counts, known account or not: the page says the same
  // either way, so the limit must not tell them apart.
  if (!(await takeToken(db, RESET_REQUESTS_PER_ADDRESS, ip))) {
    const wait = await secondsUntilToken(db, RESET_REQUESTS_PER_ADDRESS, ip);
    throw new RateLimited(Math.max(1, wait));
  }
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== "active") return;
  // Over the account's own limit, no further email: the same answer, so nobody can fill a
  // colleague's inbox from many addresses, and the links already sent keep working.
  if (!(await takeToken(db, RESET_EMAILS_PER_ACCOUNT, user.id))) return;
  await issueResetLink(user.id, { actor: null, ip }, origin);
}

/** "Forgot password" posts per client address: 5 at once, then one every 12 minutes. */
export const RESET_REQUESTS_PER_ADDRESS: Bucket = {
  name: "password-reset-requests",
  capacity: 5,
  perSecond: 5 / 3600,
};
/** Reset emails per account: 3 at once, then one every 20 minutes. */
export const RESET_EMAILS_PER_ACCOUNT: Bucket = {
  name: "password-reset-emails",
  capacity: 3,
  perSecond: 3 / 3600,
};

/** The account a usable one-time link belongs to, or undefined (unknown, used, expired). */
export async function findOneTimeLink(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return findUsableLink(database().db, tokenHash(token));
}

/**
 * Sets a password from a one-time link: the link is used up, every session of the
 * account ends. Throws `link-invalid` for an unknown, used or expired link, or the
 * password's problem.
 */
export async function setPasswordFromLink(
  token: string,
  password: string,
  ip: string | null,
): Promise<User> {
  const problem = checkNewPassword(password);
  const link = await findOneTimeLink(token);
  if (!link) throw new StaffError("link-invalid");
  if (problem) throw new StaffError(problem, "password");
  const passwordHash = await hashPassword(password);
  const { db } = database();
  return db.transaction().execute(async (trx) => {
    if (!(await consumeLink(trx, tokenHash(token)))) throw new StaffError("link-invalid");
    await updateUser(trx, link.user_id, { password_hash: passwordHash });
    await endUserSessions(link.user_id, undefined, trx);
    await audit(
      {
        actor: { id: link.user_id, email: link.email },
        action: "staff.password_set",
        details: { link: link.purpose },
        ip,
      },
      trx,
    );
    return (await findUserById(trx, link.user_id))!;
  });
}

/** Changes one's own password (the current one is required); ends one's other sessions. */
export async function changePassword(
  actor: Actor,
  sessionId: string,
  input: { current: string; next: string },
  ip: string | null,
): Promise<void> {
  const { db } = database();
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, input.current))) {
    throw new StaffError("wrong-password", "current");
  }
  const problem = checkNewPassword(input.next);
  if (problem) throw new StaffError(problem, "next");
  const passwordHash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { password_hash: passwordHash });
    await endUserSessions(actor.id, sessionId, trx);
    await audit(
      { actor, action: "staff.password_changed", target: { type: "user", id: actor.id }, ip },
      trx,
    );
  });
}

/** Every staff member with their partner's name, for the staff page and the CLI. */
export async function listStaff() {
  const hub = getHubConfig();
  const users = await listUsers(database().db);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partner_id,
    partnerName: partnerName(hub, u.partner_id) ?? null,
    status: u.status,
    hasPassword: u.password_hash !== null,
    secondFactor: u.totp_enabled_at !== null,
    createdAt: u.created_at,
    lastSignInAt: u.last_sign_in_at,
  }));
}

export type StaffListEntry = Awaited<ReturnType<typeof listStaff>>[number];

/**
 * Changes a staff member's role and partner organisation. The last active hub lead
 * cannot stop being one.
 */
export async function changeRoleAndPartner(
  userId: string,
  change: { role: StaffRole; partnerId: string | null },
  by: By,
): Promise<void> {
  checkPartner(change.partnerId);
  const { db } = database();
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new StaffError("unknown-user");
    if (
      user.role === "hub_lead" &&
      change.role !== "hub_lead" &&
      user.status === "active" &&
      (await countActiveHubLeads(trx)) <= 1
    ) {
      throw new StaffError("last-hub-lead");
    }
    // The partner organisation of the adviser's companies on the dashboard follows theirs.
    const companies =
      user.partner_id === change.partnerId ? [] : await assignedCompanyIds(trx, userId);
    await withCompanyChange(trx, companies, () =>
      updateUser(trx, userId, { role: change.role, partner_id: change.partnerId }),
    );
    const target = { type: "user" as const, id: userId };
    if (user.role !== change.role) {
      await audit(
        {
          actor: by.actor,
          action: "staff.role_changed",
          target,
          details: { from: user.role, to: change.role },
          ip: by.ip,
        },
        trx,
      );
    }
    if (user.partner_id !== change.partnerId) {
      await audit(
        {
          actor: by.actor,
          action: "staff.partner_changed",
          target,
          details: { from: user.partner_id, to: change.partnerId },
          ip: by.ip,
        },
        trx,
      );
    }
  });
}

/**
 * Disables an account: its sessions end at once and it can no longer sign in. The last
 * active hub lead cannot be disabled (nobody could manage the hub any more).
 */
export async function disableStaff(userId: string, by: By): Promise<void> {
  const { db } = database();
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new StaffError("unknown-user");
    if (user.status === "disabled") return;
    if (user.role === "hub_lead" && (await countActiveHubLeads(trx)) <= 1) {
      throw new StaffError("last-hub-lead");
    }
    await updateUser(trx, userId, { status: "disabled" });
    await endUserSessions(userId, undefined, trx);
    await voidUserLinks(trx, userId);
    await audit(
      {
        actor: by.actor,
        action: "staff.disabled",
        target: { type: "user", id: userId },
        ip: by.ip,
      },
      trx,
    );
  });
}

/** Enables a disabled account again (it signs in with its old password, or a new link). */
export async function enableStaff(userId: string, by: By): Promise<void> {
  const { db } = database();
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new StaffError("unknown-user");
    if (user.status === "active") return;
    await updateUser(trx, userId, { status: "active" });
    await audit(
      { actor: by.actor, action: "staff.enabled", target: { type: "user", id: userId }, ip: by.ip },
      trx,
    );
  });
}

/** Finds an account by email (the CLI). */
export async function findStaffByEmail(email: string): Promise<User | undefined> {
  return findUserByEmail(database().db, email);
}

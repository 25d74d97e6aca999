import { randomInt } from "node:crypto";
import { generateTOTP, getTOTPAuthUri } from "@epic-web/totp";
import QRCode from "qrcode";
import {
  countUnusedRecoveryCodes,
  findUserById,
  replaceRecoveryCodes,
  updateUser,
} from "../../../db/queries/staff";
import type { Actor, StaffRole } from "../core/staff-policy";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { getHubConfig } from "./hub.server";
import { verifyPassword } from "./passwords.server";
import { tokenHash } from "./sessions.server";
import { spendTotpCode } from "./sign-in.server";
import { StaffError } from "./staff.server";

/** Every set-up or renewal hands out this many one-time recovery codes. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: the codes are read off paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten new recovery codes, shown as xxxxx-xxxxx. */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** Whether the hub file requires a second factor of this role. */
export function secondFactorRequired(role: StaffRole): boolean {
  return (getHubConfig().staff.secondFactorRequiredFor as readonly StaffRole[]).includes(role);
}

/** The account's second-factor state, for the account page. */
export async function secondFactorStatus(actor: Actor) {
  const { db } = database();
  const user = await findUserById(db, actor.id);
  return {
    enabled: Boolean(user?.totp_enabled_at),
    enabledAt: user?.totp_enabled_at ?? null,
    recoveryCodesLeft: user?.totp_enabled_at ? await countUnusedRecoveryCodes(db, actor.id) : 0,
    required: secondFactorRequired(actor.role),
  };
}

/**
 * Starts (or resumes) setting up TOTP: a secret kept on the account, not yet in force,
 * shown as a QR code (an otpauth:// URI, for any authenticator app) and as text.
 * Returns null when the second factor is already on.
 */
export async function beginSecondFactorSetup(actor: Actor) {
  const { db } = database();
  const user = await findUserById(db, actor.id);
  if (!user || user.totp_enabled_at) return null;
  let secret = user.totp_secret;
  if (!secret) {
    secret = (await generateTOTP({ algorithm: "SHA-1" })).secret;
    await updateUser(db, actor.id, { totp_secret: secret });
  }
  const uri = getTOTPAuthUri({
    period: 30,
    digits: 6,
    algorithm: "SHA-1",
    secret,
    accountName: user.email,
    issuer: `Mognad (${getHubConfig().name.en})`,
  });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return {
    secret,
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/**
 * Turns the second factor on once the person proves their app shows the right code;
 * returns the 10 recovery codes (shown once; only their hashes are kept).
 */
export async function confirmSecondFactor(
  actor: Actor,
  code: string,
  ip: string | null,
): Promise<string[] | null> {
  const { db } = database();
  const user = await findUserById(db, actor.id);
  if (!user?.totp_secret || user.totp_enabled_at) return null;
  if (!/^\d{6}$/.test(code.replace(/\s+/g, ""))) return null;
  if (!(await spendTotpCode(db, user, code.replace(/\s+/g, "")))) return null;
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { totp_enabled_at: new Date() });
    await replaceRecoveryCodes(
      trx,
      actor.id,
      codes.map((c) => tokenHash(c.replace("-", ""))),
    );
    await audit(
      { actor, action: "second_factor.enabled", target: { type: "user", id: actor.id }, ip },
      trx,
    );
  });
  return codes;
}

/** New recovery codes (the old ones stop working); null when the second factor is off. */
export async function renewRecoveryCodes(
  actor: Actor,
  ip: string | null,
): Promise<string[] | null> {
  const { db } = database();
  const user = await findUserById(db, actor.id);
  if (!user?.totp_enabled_at) return null;
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(
      trx,
      actor.id,
      codes.map((c) => tokenHash(c.replace("-", ""))),
    );
    await audit(
      {
        actor,
        action: "second_factor.recovery_codes_renewed",
        target: { type: "user", id: actor.id },
        ip,
      },
      trx,
    );
  });
  return codes;
}

/**
 * Turns the second factor off (the password is required); refused where the hub file
 * requires one of this role.
 */
export async function disableSecondFactor(
  actor: Actor,
  password: string,
  ip: string | null,
): Promise<void> {
  if (secondFactorRequired(actor.role)) throw new StaffError("second-factor-required");
  const { db } = database();
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    throw new StaffError("wrong-password", "password");
  }
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, {
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(trx, actor.id, []);
    await audit(
      { actor, action: "second_factor.disabled", target: { type: "user", id: actor.id }, ip },
      trx,
    );
  });
}

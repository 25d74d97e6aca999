import type { Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * `users.totp_last_step`: the 30-second step of the last authenticator code the account
 * used (to sign in or to turn the second factor on). A code is accepted only for a later
 * step, so a code seen over someone's shoulder, or replayed from a captured request,
 * cannot be used again within its validity window.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("totp_last_step", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("totp_last_step").execute();
}

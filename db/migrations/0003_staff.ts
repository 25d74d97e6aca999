import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // The hub's staff. The email is unique case-insensitively (the index on lower(email)).
  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('adviser', 'hub_lead')`))
    /** A partner organisation id of the hub file (db/hub/hub.json). */
    .addColumn("partner_id", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('active', 'disabled')`),
    )
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("sv")
        .check(sql`language in ('sv', 'en')`),
    )
    /** argon2id (PHC string); null until the person sets a password from their link. */
    .addColumn("password_hash", "text")
    /** Base32 TOTP secret; set while setting up, in force once totp_enabled_at is set. */
    .addColumn("totp_secret", "text")
    .addColumn("totp_enabled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_sign_in_at", "timestamptz")
    .execute();
  await sql`create unique index users_email_lower_key on users (lower(email))`.execute(db);

  // One-time recovery codes of the second factor (SHA-256 of each code).
  await db.schema
    .createTable("recovery_codes")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addPrimaryKeyConstraint("recovery_codes_pkey", ["user_id", "code_hash"])
    .execute();

  // Server-side sessions; the cookie holds a random token, the table its SHA-256.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** second_factor: the password was right, the code is still to be given. */
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('second_factor', 'full')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  // Invitation and password-reset links (SHA-256 of the token), each usable once.
  await db.schema
    .createTable("one_time_links")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("one_time_links_user_idx")
    .on("one_time_links")
    .column("user_id")
    .execute();

  // Which adviser looks after which company.
  await db.schema
    .createTable("company_assignments")
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("assigned_by", "uuid", (c) => c.references("users.id"))
    .addPrimaryKeyConstraint("company_assignments_pkey", ["company_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("company_assignments_user_idx")
    .on("company_assignments")
    .columns(["user_id", "company_id"])
    .execute();

  // Failed and successful sign-ins, for throttling across processes and restarts.
  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    /** lower(email) as typed, whether or not such an account exists. */
    .addColumn("email_key", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) =>
      c.notNull().check(sql`outcome in ('pending', 'failed', 'succeeded')`),
    )
    .execute();
  await db.schema
    .createIndex("sign_in_attempts_email_idx")
    .on("sign_in_attempts")
    .columns(["email_key", "at"])
    .execute();
  await db.schema
    .createIndex("sign_in_attempts_ip_idx")
    .on("sign_in_attempts")
    .columns(["ip", "at"])
    .execute();

  // Who did what and when. Append-only: the trigger below refuses every update and delete,
  // so not even a bug or a hand-written statement can rewrite history. Details hold ids and
  // field names, never a company's personal data (erasure must not need to touch this table).
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "uuid")
    /** The actor's email at the time (accounts are disabled, never deleted). */
    .addColumn("actor_email", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema
    .createIndex("audit_log_actor_idx")
    .on("audit_log")
    .columns(["actor_id", "at"])
    .execute();
  await db.schema
    .createIndex("audit_log_action_idx")
    .on("audit_log")
    .columns(["action", "at"])
    .execute();
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await sql`drop function audit_log_append_only()`.execute(db);
  await db.schema.dropTable("sign_in_attempts").execute();
  await db.schema.dropTable("company_assignments").execute();
  await db.schema.dropTable("one_time_links").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("recovery_codes").execute();
  await db.schema.dropTable("users").execute();
}

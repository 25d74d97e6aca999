/**
 * The staff accounts from the shell (bootstrap the first hub lead, or help on a server):
 *
 *   npm run staff:create -- --email E --name N --role hub_lead|adviser [--partner P]
 *                           [--language sv|en] [--password-stdin] [--base-url URL]
 *   npm run staff:list
 *   npm run staff:disable -- --email E
 *
 * Against the configured database (DATABASE_URL, else PGLITE_DATA_DIR), like the server.
 * Without --password-stdin, `create` prints a one-time link to set the password (72 h).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, openDatabase } from "../lib/server/db.server";
import { env } from "../lib/server/env.server";
import { startupErrorLine } from "../lib/server/startup-error.server";
import {
  createStaffAccount,
  disableStaff,
  findStaffByEmail,
  listStaff,
  oneTimeLinkUrl,
  StaffError,
  LINK_VALID_HOURS,
} from "../lib/server/staff.server";

const USAGE = `usage:
  npm run staff:create -- --email E --name N --role hub_lead|adviser [--partner P] [--language sv|en] [--password-stdin] [--base-url URL]
  npm run staff:list
  npm run staff:disable -- --email E`;

/** A refusal the person at the shell can fix; printed as one line, exit code 1. */
class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const BaseUrlSchema = z.string().url();

async function create(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      partner: { type: "string" },
      language: { type: "string" },
      "password-stdin": { type: "boolean" },
      "base-url": { type: "string" },
    },
  });
  const baseUrl = BaseUrlSchema.safeParse(values["base-url"] ?? `http://localhost:${env().PORT}`);
  if (!baseUrl.success)
    throw new UsageError("--base-url: must be a URL such as https://mognad.example");
  const password = values["password-stdin"] ? await readStdin() : undefined;
  await openDatabase();
  const { user, linkToken } = await createStaffAccount(
    {
      email: values.email ?? "",
      name: values.name ?? "",
      role: values.role as "adviser",
      partnerId: values.partner,
      language: (values.language as "sv" | undefined) ?? "sv",
    },
    { actor: null, ip: null },
    { password },
  );
  console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  if (linkToken) {
    console.log(`One-time link to set the password (valid ${LINK_VALID_HOURS} h):`);
    console.log(oneTimeLinkUrl(baseUrl.data, linkToken));
  }
}

async function list(): Promise<void> {
  await openDatabase();
  const staff = await listStaff();
  if (staff.length === 0) {
    console.log("No staff accounts yet. Create one with npm run staff:create.");
    return;
  }
  for (const s of staff) {
    const last = s.lastSignInAt
      ? s.lastSignInAt.toISOString().slice(0, 16).replace("T", " ")
      : "never";
    console.log(
      [
        s.email,
        s.name,
        s.role,
        s.partnerId ?? "-",
        s.status,
        s.secondFactor ? "2fa" : "no-2fa",
        `last sign-in ${last}`,
      ].join("\t"),
    );
  }
}

async function disable(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: "string" } } });
  if (!values.email) throw new UsageError("--email is required");
  await openDatabase();
  const user = await findStaffByEmail(values.email);
  if (!user) throw new UsageError(`no staff account has the email ${values.email}`);
  await disableStaff(user.id, { actor: null, ip: null });
  console.log(`Disabled ${user.email}; its sessions have ended.`);
}

async function main([command, ...args]: string[]): Promise<void> {
  if (command === "create") return create(args);
  if (command === "list") return list();
  if (command === "disable") return disable(args);
  throw new UsageError(USAGE);
}

/** One line for what went wrong: a bad argument, a refused account, or a configuration error. */
function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof z.ZodError) {
    return error.issues
      .map(
        (i) => `--${i.path.join(".") === "partnerId" ? "partner" : i.path.join(".")}: ${i.message}`,
      )
      .join("\n");
  }
  if (error instanceof StaffError) {
    const messages: Record<string, string> = {
      "email-taken": "an account with this email already exists",
      "unknown-partner": "--partner: not a partner id of the hub file (db/hub/hub.json)",
      "last-hub-lead": "this is the last active hub lead; make someone else a hub lead first",
      "too-short": "the password is too short (at least 12 characters)",
      "too-long": "the password is too long (at most 200 characters)",
      "too-common": "the password is one of the 10,000 most common ones",
    };
    return messages[error.code] ?? error.code;
  }
  if (error instanceof TypeError && "code" in error) return `${error.message}\n${USAGE}`;
  return startupErrorLine(error);
}

main(process.argv.slice(2))
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    await closeDatabase().catch(() => undefined);
    console.error(describe(error));
    process.exit(1);
  });

import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // An empty value means "not set": the embedded database.
  DATABASE_URL: z
    .string()
    .refine(
      (v) => v === "" || /^postgres(ql)?:\/\/\S+$/.test(v),
      "must be a URL such as postgres://user@host:5432/db",
    )
    .optional()
    .transform((v) => v || undefined),
  /** Server processes when on PostgreSQL (PGlite always runs one); `auto`: one per CPU. */
  WEB_CONCURRENCY: z
    .union([z.literal("auto").transform(() => availableParallelism()), z.coerce.number()])
    .pipe(z.number().int().min(1).max(64))
    .default(1),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Requests inside the app at once per process (default: twice the pool with PostgreSQL,
   * 4 with the embedded PGlite, whose queries share the event loop); more wait in line.
   */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).optional(),
  /** How long a request may wait in that line before it is answered 503 with Retry-After. */
  REQUEST_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** auto: an empty embedded database; always: any empty database; never. */
  SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  /** New assessments allowed per client address per hour (the public form and the API). */
  RATE_LIMIT_ASSESSMENTS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /**
   * The address users reach the app at (`https://mognad.example`): private links are built
   * on it, never on the request's Host header. Unset: the listening address.
   */
  PUBLIC_URL: z
    .string()
    .refine(
      (v) => v === "" || /^https?:\/\/[^/?#\s]+\/?$/.test(v),
      "must be an origin such as https://mognad.example (no path)",
    )
    .optional()
    .transform((v) => (v ? v.replace(/\/$/, "") : undefined)),
  /**
   * Reverse proxies in front of the app (Express's `trust proxy` hop count): the client's
   * address and HTTPS are then read from X-Forwarded-For and X-Forwarded-Proto. 0: none.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  DEFINITIONS_DIR: z.string().min(1).default("survey-definitions"),
  /** The hub's service catalogue, synchronised into the services table at start-up. */
  SERVICES_FILE: z.string().min(1).default("db/catalogue/services.json"),
  /** The hub's configuration folder (hub.json): name, partners, regions, staff rules. */
  HUB_DIR: z.string().min(1).default("db/hub"),
  /** smtp:// or smtps:// URL of the mail server for staff invitations and resets; unset = no email. */
  SMTP_URL: z
    .string()
    .refine((v) => v === "" || /^smtps?:\/\/\S+$/.test(v), "must be a URL such as smtp://host:587")
    .optional()
    .transform((v) => v || undefined),
  /** The sender of those emails. */
  MAIL_FROM: z.string().min(3).default("Mognad <no-reply@localhost>"),
});

export type Env = z.infer<typeof EnvSchema>;

/** A configuration problem, reported as one line naming the variable. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/**
 * Parses the process environment once. Throws an `EnvError` whose message is one line
 * per bad variable: `PORT: Expected number, received nan`.
 */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"),
    );
  }
  const env = result.data;
  return {
    ...env,
    PGLITE_DATA_DIR: path.resolve(env.PGLITE_DATA_DIR),
    DEFINITIONS_DIR: path.resolve(env.DEFINITIONS_DIR),
    SERVICES_FILE: path.resolve(env.SERVICES_FILE),
    HUB_DIR: path.resolve(env.HUB_DIR),
  };
}

let cached: Env | undefined;

/** The parsed environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

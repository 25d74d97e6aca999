/**
 * The limit on new assessments per client address: a token bucket in the database
 * (`rate_limit_buckets`), so every server process shares it and a restart keeps it. A
 * bucket holds `RATE_LIMIT_ASSESSMENTS_PER_HOUR` tokens and refills at that many an hour:
 * a workshop can start its whole room at once, and a script then gets one creation every
 * few minutes rather than thousands or an hour's lockout. The token is taken in its own
 * statement before the creating transaction and given back when the creation fails, so only
 * successful creations count and the bucket's row is locked only for that statement.
 * Decision record: docs/decisions/014-rate-limit-in-the-database.md.
 */
import {
  forgetFullBuckets,
  giveBackToken,
  secondsUntilToken,
  takeToken,
  type Bucket,
} from "../../../db/queries/rate-limits";
import { database } from "./db.server";
import { env } from "./env.server";

/** Over the limit: no assessment was created; try again after `retryAfterSeconds`. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited; retry after ${retryAfterSeconds} s`);
    this.name = "RateLimited";
  }
}

function creationBucket(): Bucket {
  const perHour = env().RATE_LIMIT_ASSESSMENTS_PER_HOUR;
  return { name: "assessment-creations", capacity: perHour, perSecond: perHour / 3600 };
}

/**
 * Runs `create` paid for by one creation token of `clientAddress`, or throws `RateLimited`
 * without running it. The token is taken in a statement of its own before `create`'s
 * transaction, so the bucket's row is locked only for that statement (creations from one
 * address, a workshop behind one NAT, do not queue on it for a whole transaction), and it
 * is given back when `create` fails: only successful creations count.
 */
export async function withCreationToken<T>(
  clientAddress: string,
  create: () => Promise<T>,
): Promise<T> {
  const bucket = creationBucket();
  const db = database().db;
  if (!(await takeToken(db, bucket, clientAddress))) {
    throw new RateLimited(Math.max(1, await secondsUntilToken(db, bucket, clientAddress)));
  }
  try {
    return await create();
  } catch (error) {
    await giveBackToken(db, bucket, clientAddress).catch(() => undefined);
    throw error;
  }
}

/** When this process last deleted the refilled buckets (ms since the epoch). */
let forgottenAt = 0;

/**
 * Deletes buckets that have refilled completely: they say nothing a missing row does not.
 * At most once a minute per process: a bucket refills in an hour, so sweeping after every
 * creation (a statement on each creation's path) keeps the table no smaller.
 */
export async function forgetRefilledCreationBuckets(now = Date.now()): Promise<void> {
  if (now - forgottenAt < 60_000) return;
  forgottenAt = now;
  await forgetFullBuckets(database().db, 3600);
}

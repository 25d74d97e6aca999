/**
 * The limit on new assessments per client address: a token bucket in the database
 * (`rate_limit_buckets`), so every server process shares it and a restart keeps it. A
 * bucket holds `RATE_LIMIT_ASSESSMENTS_PER_HOUR` tokens and refills at that many an hour:
 * a workshop can start its whole room at once, and a script then gets one creation every
 * few minutes rather than thousands or an hour's lockout. The token is taken at the end of
 * the transaction that creates the assessment, so only successful creations count and the
 * bucket's row is locked only for the commit.
 * Decision record: docs/decisions/014-rate-limit-in-the-database.md.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import {
  forgetFullBuckets,
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
 * Takes one creation token of `clientAddress` inside the creating transaction, or throws
 * `RateLimited` (which rolls the transaction back).
 */
export async function takeCreationToken(
  trx: Transaction<Database>,
  clientAddress: string,
): Promise<void> {
  const bucket = creationBucket();
  if (await takeToken(trx, bucket, clientAddress)) return;
  throw new RateLimited(Math.max(1, await secondsUntilToken(trx, bucket, clientAddress)));
}

/**
 * Throws `RateLimited` when `clientAddress`'s bucket holds no whole token, without locking
 * it: a script over the limit is refused before its creation is attempted. The token is
 * still taken (or refused) authoritatively by `takeCreationToken` at the end of the
 * creating transaction.
 */
export async function refuseWithoutCreationToken(
  trx: Transaction<Database>,
  clientAddress: string,
): Promise<void> {
  const seconds = await secondsUntilToken(trx, creationBucket(), clientAddress);
  if (seconds > 0) throw new RateLimited(seconds);
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

import { sql } from "kysely";
import type { Executor } from "../database";

/** A token bucket: holds at most `capacity` tokens and gains `perSecond` every second. */
export interface Bucket {
  name: string;
  capacity: number;
  perSecond: number;
}

/**
 * Takes one token from `key`'s bucket in one statement (an upsert whose update applies only
 * when a token is there after refilling), so concurrent takers on any process never pass
 * the limit together. Run on its own (autocommit) it holds the bucket's row lock only for
 * the statement; give the token back with `giveBackToken` when the thing it paid for fails.
 * Returns whether a token was taken.
 */
export async function takeToken(db: Executor, bucket: Bucket, key: string): Promise<boolean> {
  const refilled = sql<number>`least(${bucket.capacity}::double precision, rate_limit_buckets.tokens + extract(epoch from (now() - rate_limit_buckets.updated_at)) * ${bucket.perSecond}::double precision)`;
  const row = await db
    .insertInto("rate_limit_buckets")
    .values({ name: bucket.name, key, tokens: bucket.capacity - 1, updated_at: sql`now()` })
    .onConflict((oc) =>
      oc
        .columns(["name", "key"])
        .doUpdateSet({ tokens: sql`${refilled} - 1`, updated_at: sql`now()` })
        .where(refilled, ">=", 1),
    )
    .returning("tokens")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives back a token taken by `takeToken` for something that then failed, so that only what
 * succeeded counts. Never above the capacity.
 */
export async function giveBackToken(db: Executor, bucket: Bucket, key: string): Promise<void> {
  await db
    .updateTable("rate_limit_buckets")
    .set({ tokens: sql`least(${bucket.capacity}::double precision, tokens + 1)` })
    .where("name", "=", bucket.name)
    .where("key", "=", key)
    .execute();
}

/** Seconds until `key`'s bucket holds a whole token again (0 when it holds one). */
export async function secondsUntilToken(
  db: Executor,
  bucket: Bucket,
  key: string,
): Promise<number> {
  const row = await db
    .selectFrom("rate_limit_buckets")
    .select(
      sql<number>`least(${bucket.capacity}::double precision, tokens + extract(epoch from (now() - updated_at)) * ${bucket.perSecond}::double precision)`.as(
        "tokens",
      ),
    )
    .where("name", "=", bucket.name)
    .where("key", "=", key)
    .executeTakeFirst();
  const tokens = row ? Number(row.tokens) : bucket.capacity;
  return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / bucket.perSecond);
}

/** Forgets buckets untouched for `olderThanSeconds` (full again by then). */
export async function forgetFullBuckets(db: Executor, olderThanSeconds: number): Promise<void> {
  await db
    .deleteFrom("rate_limit_buckets")
    .where("updated_at", "<", sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .execute();
}

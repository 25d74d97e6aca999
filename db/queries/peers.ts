import { sql, type Kysely, type Transaction } from "kysely";
import type { Executor } from "../database";
import type { CustomerType, Database } from "../schema";

/*
 * The group kinds, the profile column each is drawn from and the name of the overall
 * metric are the app's facts (app/lib/core/benchmark.ts): these functions take them as
 * input, since db/ never imports app/.
 */

/** A peer group: its kind and its sector, size class or region ("" for everyone). */
export interface GroupKey {
  kind: string;
  value: string;
}

/** One group's histogram of one metric: ascending buckets and their counts. */
export interface HistogramRow {
  kind: string;
  value: string;
  metric: string;
  buckets: number[];
  counts: number[];
}

/** The histograms of the given groups of one questionnaire (major version), one row each. */
export async function readPeerHistograms(
  db: Executor,
  definitionId: string,
  definitionMajor: number,
  groups: readonly GroupKey[],
): Promise<HistogramRow[]> {
  if (groups.length === 0) return [];
  const rows = await db
    .selectFrom("peer_histograms")
    .select([
      "group_kind",
      "group_value",
      "metric",
      sql<number[]>`array_agg(bucket order by bucket)`.as("buckets"),
      sql<number[]>`array_agg(count order by bucket)`.as("counts"),
    ])
    .where("definition_id", "=", definitionId)
    .where("definition_major", "=", definitionMajor)
    .where((eb) =>
      eb.or(
        groups.map((g) => eb.and([eb("group_kind", "=", g.kind), eb("group_value", "=", g.value)])),
      ),
    )
    .where("count", ">", 0)
    .groupBy(["group_kind", "group_value", "metric"])
    .execute();
  return rows.map((r) => ({
    kind: r.group_kind,
    value: r.group_value,
    metric: r.metric,
    buckets: r.buckets.map(Number),
    counts: r.counts.map(Number),
  }));
}

/** A group's metric and the bucket of the viewing company's score in it. */
export interface BucketKey extends GroupKey {
  metric: string;
  bucket: number;
}

/** The exact scores (key → count) of the peers in the given buckets, one row each. */
export async function readExactScores(
  db: Executor,
  definitionId: string,
  definitionMajor: number,
  wanted: readonly BucketKey[],
): Promise<(BucketKey & { scoreKey: number; count: number })[]> {
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom("peer_scores")
    .select(["group_kind", "group_value", "metric", "bucket", "score_key", "count"])
    .where("definition_id", "=", definitionId)
    .where("definition_major", "=", definitionMajor)
    .where((eb) =>
      eb.or(
        wanted.map((w) =>
          eb.and([
            eb("group_kind", "=", w.kind),
            eb("group_value", "=", w.value),
            eb("metric", "=", w.metric),
            eb("bucket", "=", w.bucket),
          ]),
        ),
      ),
    )
    .where("count", ">", 0)
    .execute();
  return rows.map((r) => ({
    kind: r.group_kind,
    value: r.group_value,
    metric: r.metric,
    bucket: r.bucket,
    scoreKey: r.score_key,
    count: r.count,
  }));
}

/**
 * An organisation's place in one questionnaire's (major version's) benchmarks: at most one
 * of its submitted assessments counts there.
 */
export interface PeerSlot {
  /** The organisation: companies.peer_key (country and organisation number, or the row's id). */
  memberKey: string;
  definitionId: string;
  definitionMajor: number;
}

/** The assessment that counts in a slot, and its company row. */
export interface SlotMember {
  assessmentId: string;
  companyId: string;
}

/**
 * Serialises every change of a slot's member until the transaction ends (a transaction
 * advisory lock on the slot): two submissions or confirmations of one organisation never
 * both move its member. Take the locks of several slots in key order.
 */
export async function lockPeerSlot(trx: Transaction<Database>, slot: PeerSlot): Promise<void> {
  const name = `peer-slot/${slot.definitionId}/${slot.definitionMajor}/${slot.memberKey}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

/**
 * Every peer slot the companies' assessments (any status) may touch, with their current
 * peer key and each of `formerKeys`: what a write to the companies must lock first.
 */
export async function listCompanyPeerSlots(
  db: Executor,
  companyIds: readonly string[],
  formerKeys: readonly string[] = [],
): Promise<PeerSlot[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectFrom("assessments as a")
    .innerJoin("companies as c", "c.id", "a.company_id")
    .select(["c.peer_key", "a.definition_id", "a.definition_major"])
    .distinct()
    .where("a.company_id", "in", companyIds)
    .execute();
  return rows.flatMap((r) =>
    [r.peer_key, ...formerKeys].map((memberKey) => ({
      memberKey,
      definitionId: r.definition_id,
      definitionMajor: r.definition_major,
    })),
  );
}

/** The assessment that counts for the slot's organisation today, if any. */
export async function findPeerMember(db: Executor, slot: PeerSlot): Promise<string | undefined> {
  const row = await db
    .selectFrom("peer_members")
    .select("assessment_id")
    .where("member_key", "=", slot.memberKey)
    .where("definition_id", "=", slot.definitionId)
    .where("definition_major", "=", slot.definitionMajor)
    .executeTakeFirst();
  return row?.assessment_id;
}

/**
 * Who may count, as one query: of every organisation (peer key), questionnaire and major
 * version, the latest submitted assessment of a company row that the hub confirmed and
 * that consented to benchmarks. `where` narrows it to one slot.
 */
function eligibleMembers(slot?: PeerSlot) {
  const where = slot
    ? sql`and c.peer_key = ${slot.memberKey} and a.definition_id = ${slot.definitionId}
        and a.definition_major = ${slot.definitionMajor}`
    : sql``;
  return sql<{
    member_key: string;
    definition_id: string;
    definition_major: number;
    company_id: string;
    assessment_id: string;
  }>`
    select distinct on (c.peer_key, a.definition_id, a.definition_major)
      c.peer_key as member_key, a.definition_id, a.definition_major,
      a.company_id, a.id as assessment_id
    from assessments a
    join companies c on c.id = a.company_id
    where a.status = 'submitted' and c.consent_benchmark_at is not null
      and c.peer_confirmed_at is not null ${where}
    order by c.peer_key, a.definition_id, a.definition_major, a.submitted_at desc, a.id desc
  `;
}

/** The assessment that should count in the slot by the rule of eligibleMembers, if any. */
export async function findEligibleMember(
  db: Executor,
  slot: PeerSlot,
): Promise<SlotMember | undefined> {
  const { rows } = await eligibleMembers(slot).execute(db);
  return rows[0] && { assessmentId: rows[0].assessment_id, companyId: rows[0].company_id };
}

/** The profile columns a submitted assessment's scores were stored with. */
export interface SubmittedProfile {
  customer_type: CustomerType;
  primary_sector: string | null;
  organisation_type: string | null;
  primary_area: string | null;
  size_class: string;
  region: string;
}

/** A submitted assessment's stored scores and the profile it was submitted with. */
export interface SubmittedScores {
  profile: SubmittedProfile;
  /** Dimension id → 0..100 score. */
  dimensions: Record<string, number>;
  overall: number;
}

/** The stored scores of a submitted assessment (undefined if none). */
export async function readSubmittedScores(
  db: Executor,
  assessmentId: string,
): Promise<SubmittedScores | undefined> {
  const rows = await db
    .selectFrom("assessment_scores as s")
    .innerJoin("assessments as a", "a.id", "s.assessment_id")
    .select([
      "s.dimension",
      "s.score",
      "s.customer_type",
      "s.primary_sector",
      "s.organisation_type",
      "s.primary_area",
      "s.size_class",
      "s.region",
      "a.overall_score",
    ])
    .where("s.assessment_id", "=", assessmentId)
    .execute();
  if (rows.length === 0) return undefined;
  const { overall_score, ...first } = rows[0];
  return {
    profile: {
      customer_type: first.customer_type,
      primary_sector: first.primary_sector,
      organisation_type: first.organisation_type,
      primary_area: first.primary_area,
      size_class: first.size_class,
      region: first.region,
    },
    dimensions: Object.fromEntries(rows.map((row) => [row.dimension, row.score])),
    overall: overall_score ?? 0,
  };
}

/** A change of one histogram bucket. */
export interface HistogramDelta extends BucketKey {
  delta: number;
}

/** A change of the count of one exact score. */
export interface ExactDelta extends HistogramDelta {
  scoreKey: number;
}

/**
 * Makes `member` the one that counts in the slot (none: the slot is emptied) and applies
 * the histogram changes (the old member's buckets out, the new one's in). Call inside the
 * transaction that holds the slot's lock; `deltas` and `exact` must hold each key at most
 * once.
 */
export async function setPeerMember(
  trx: Transaction<Database>,
  slot: PeerSlot,
  member: SlotMember | undefined,
  deltas: readonly HistogramDelta[],
  exact: readonly ExactDelta[],
): Promise<void> {
  if (member) {
    await trx
      .insertInto("peer_members")
      .values({
        member_key: slot.memberKey,
        definition_id: slot.definitionId,
        definition_major: slot.definitionMajor,
        company_id: member.companyId,
        assessment_id: member.assessmentId,
      })
      .onConflict((oc) =>
        oc
          .columns(["member_key", "definition_id", "definition_major"])
          .doUpdateSet({ company_id: member.companyId, assessment_id: member.assessmentId }),
      )
      .execute();
  } else {
    await trx
      .deleteFrom("peer_members")
      .where("member_key", "=", slot.memberKey)
      .where("definition_id", "=", slot.definitionId)
      .where("definition_major", "=", slot.definitionMajor)
      .execute();
  }
  const base = { definition_id: slot.definitionId, definition_major: slot.definitionMajor };
  const histogramRows = sorted(deltas).map((d) => ({
    ...base,
    group_kind: d.kind,
    group_value: d.value,
    metric: d.metric,
    bucket: d.bucket,
    count: d.delta,
  }));
  const keyColumns = [
    "definition_id",
    "definition_major",
    "group_kind",
    "group_value",
    "metric",
    "bucket",
  ] as const;
  if (histogramRows.length > 0) {
    await trx
      .insertInto("peer_histograms")
      .values(histogramRows)
      .onConflict((oc) =>
        oc.columns([...keyColumns]).doUpdateSet((eb) => ({
          count: sql<number>`${eb.ref("peer_histograms.count")} + ${eb.ref("excluded.count")}`,
        })),
      )
      .execute();
  }
  const exactRows = sorted(exact).map((d) => ({
    ...base,
    group_kind: d.kind,
    group_value: d.value,
    metric: d.metric,
    bucket: d.bucket,
    score_key: d.scoreKey,
    count: d.delta,
  }));
  if (exactRows.length > 0) {
    await trx
      .insertInto("peer_scores")
      .values(exactRows)
      .onConflict((oc) =>
        oc.columns([...keyColumns, "score_key"]).doUpdateSet((eb) => ({
          count: sql<number>`${eb.ref("peer_scores.count")} + ${eb.ref("excluded.count")}`,
        })),
      )
      .execute();
  }
}

/** Non-zero changes in key order, so that concurrent submissions lock rows in one order. */
function sorted<T extends HistogramDelta & { scoreKey?: number }>(deltas: readonly T[]): T[] {
  return deltas
    .filter((d) => d.delta !== 0)
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.value.localeCompare(b.value) ||
        a.metric.localeCompare(b.metric) ||
        a.bucket - b.bucket ||
        (a.scoreKey ?? 0) - (b.scoreKey ?? 0),
    );
}

/** A stored profile column a peer group is drawn from. */
export type PeerGroupColumn =
  "primary_sector" | "organisation_type" | "primary_area" | "size_class" | "region";

/** How the benchmark tables name the groups and the overall score (the core's facts). */
export interface PeerNaming {
  /** The metric name of the overall score. */
  overallMetric: string;
  /**
   * Each customer type's group kinds in fallback order, with the stored profile column each
   * is drawn from (undefined: everyone of that type).
   */
  groups: Readonly<
    Record<CustomerType, readonly (readonly [string, PeerGroupColumn | undefined])[]>
  >;
}

/**
 * Rebuilds the benchmark tables from the submitted assessments: each confirmed, consenting
 * organisation's latest submitted assessment per questionnaire (major version; see
 * eligibleMembers) and the histograms of their scores in each group of its customer type. The same arithmetic as app/lib/core/benchmark.ts: buckets floor(score × 10 + 0.5),
 * exact keys floor(score × 10⁶ + 0.5).
 */
export async function rebuildPeerData(db: Kysely<Database>, naming: PeerNaming): Promise<void> {
  const columns = [
    ...new Set(Object.values(naming.groups).flatMap((g) => g.flatMap(([, c]) => c ?? []))),
  ];
  const profileColumns = sql.join(["customer_type", ...columns].map((c) => sql.ref(`s.${c}`)));
  const groups = sql.join(
    Object.entries(naming.groups).flatMap(([customerType, kinds]) =>
      kinds.map(
        ([kind, column]) =>
          sql`(${customerType}, ${kind}, ${column ? sql.ref(`x.${column}`) : sql.lit("")})`,
      ),
    ),
  );
  await db.transaction().execute(async (trx) => {
    await sql`delete from peer_scores`.execute(trx);
    await sql`delete from peer_histograms`.execute(trx);
    await sql`delete from peer_members`.execute(trx);
    await sql`
      insert into peer_members
        (member_key, definition_id, definition_major, company_id, assessment_id)
      select member_key, definition_id, definition_major, company_id, assessment_id
      from (${eligibleMembers()}) eligible
    `.execute(trx);
    // Exact scores first; the histograms are their sums per bucket.
    await sql`
      insert into peer_scores
        (definition_id, definition_major, group_kind, group_value, metric, bucket, score_key, count)
      select x.definition_id, x.definition_major, g.kind, g.value, x.metric,
        least(1000, greatest(0, floor(x.score * 10 + 0.5)))::smallint,
        floor(x.score * 1000000 + 0.5)::int, count(*)::int
      from (
        select s.definition_id, s.definition_major, ${profileColumns}, s.dimension as metric,
          s.score
        from peer_members m join assessment_scores s on s.assessment_id = m.assessment_id
        union all
        select s.definition_id, s.definition_major, ${profileColumns}, ${naming.overallMetric},
          a.overall_score
        from peer_members m
        join assessments a on a.id = m.assessment_id
        join lateral (
          select * from assessment_scores where assessment_id = a.id limit 1
        ) s on true
      ) x
      cross join lateral (values ${groups}) as g(customer_type, kind, value)
      where g.customer_type = x.customer_type
      group by 1, 2, 3, 4, 5, 6, 7
    `.execute(trx);
    await sql`
      insert into peer_histograms
        (definition_id, definition_major, group_kind, group_value, metric, bucket, count)
      select definition_id, definition_major, group_kind, group_value, metric, bucket,
        sum(count)::int
      from peer_scores
      group by 1, 2, 3, 4, 5, 6
    `.execute(trx);
  });
}

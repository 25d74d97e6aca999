import type { Kysely, Transaction } from "kysely";
import {
  findPeerMember,
  readPeerHistograms,
  readSubmittedScores,
  rebuildPeerData,
  replacePeerMember,
  readExactScores,
  type ExactDelta,
  type HistogramDelta,
  type PeerMember,
  type PeerNaming,
} from "../../../db/queries/peers";
import type { Database } from "../../../db/schema";
import {
  bucketOf,
  comparePeers,
  contributionOf,
  OVERALL_METRIC,
  PEER_GROUP_FIELDS,
  PEER_GROUPS,
  scoreKey,
  type Contribution,
  type PeerComparison,
  type PeerGroupKind,
} from "../core/benchmark";
import type { Executor } from "../../../db/database";

export type { PeerMember };

/** The contribution a stored member makes to the histograms (undefined if it has no scores). */
async function readContribution(db: Executor, assessmentId: string) {
  const stored = await readSubmittedScores(db, assessmentId);
  return stored && contributionOf(stored.profile, stored);
}

/**
 * The company's current member of the assessment's benchmarks, locked until the
 * transaction ends: a submission reads it once, for the comparison and for the update.
 */
export function lockPeerMember(
  trx: Transaction<Database>,
  member: PeerMember,
): Promise<string | undefined> {
  return findPeerMember(trx, member, { forUpdate: true });
}

/**
 * The comparison of an assessment's scores with its peer groups: other companies' latest
 * consenting assessment of the same questionnaire and major version. Reads the groups'
 * histograms (one query) and takes the company's own member out of them.
 */
export async function comparePeerGroups(
  db: Executor,
  member: PeerMember,
  contribution: Contribution,
  /** The company's current member when the caller has read it already (see lockPeerMember). */
  known?: { memberId: string | undefined },
): Promise<PeerComparison> {
  // The company's own buckets, whose exact scores make its percentile ranks exact.
  const ownBuckets = contribution.groups.flatMap((group) =>
    Object.entries(contribution.scores).map(([metric, score]) => ({
      ...group,
      metric,
      bucket: bucketOf(score),
    })),
  );
  const [memberId, rows, exactRows] = await Promise.all([
    known ? known.memberId : findPeerMember(db, member),
    readPeerHistograms(db, member.definitionId, member.definitionMajor, contribution.groups),
    readExactScores(db, member.definitionId, member.definitionMajor, ownBuckets),
  ]);
  // The assessment viewed may itself be the member: then its own scores come out.
  let own: Contribution | undefined;
  if (memberId) {
    own = memberId === member.assessmentId ? contribution : await readContribution(db, memberId);
  }
  const groups = contribution.groups.map((group) => {
    const histograms = new Map<string, Map<number, number>>();
    for (const row of rows) {
      if (row.kind !== group.kind || row.value !== group.value) continue;
      histograms.set(row.metric, new Map(row.buckets.map((b, i) => [b, row.counts[i]])));
    }
    const exact = new Map<string, Map<number, number>>();
    for (const row of exactRows) {
      if (row.kind !== group.kind || row.value !== group.value) continue;
      const scores = exact.get(row.metric) ?? new Map<number, number>();
      scores.set(row.scoreKey, row.count);
      exact.set(row.metric, scores);
    }
    // A metric with no peer in the company's bucket has an empty exact map, not none.
    for (const metric of Object.keys(contribution.scores))
      if (!exact.has(metric)) exact.set(metric, new Map());
    return { kind: group.kind, value: group.value, histograms, exact };
  });
  const ownGroups = new Set<PeerGroupKind>(
    (own?.groups ?? [])
      .filter((g) =>
        contribution.groups.some((mine) => mine.kind === g.kind && mine.value === g.value),
      )
      .map((g) => g.kind),
  );
  return comparePeers({
    groups,
    scores: contribution.scores,
    own: own && { groups: ownGroups, scores: own.scores },
  });
}

/**
 * Makes a newly submitted assessment its company's member of the benchmarks (replacing
 * `oldId`, the member read with lockPeerMember) and updates the histograms, inside the
 * submission's transaction.
 */
export async function joinPeerBenchmarks(
  trx: Transaction<Database>,
  member: PeerMember,
  contribution: Contribution,
  oldId: string | undefined,
): Promise<void> {
  if (oldId === member.assessmentId) return;
  const old = oldId ? await readContribution(trx, oldId) : undefined;
  const deltas = new Map<string, HistogramDelta>();
  const exact = new Map<string, ExactDelta>();
  const add = (c: Contribution, delta: number) => {
    for (const group of c.groups) {
      for (const [metric, score] of Object.entries(c.scores)) {
        const bucket = bucketOf(score);
        const key = [group.kind, group.value, metric, bucket].join("\u0000");
        const current = deltas.get(key);
        if (current) current.delta += delta;
        else deltas.set(key, { ...group, metric, bucket, delta });
        const exactKey = `${key}\u0000${scoreKey(score)}`;
        const currentExact = exact.get(exactKey);
        if (currentExact) currentExact.delta += delta;
        else exact.set(exactKey, { ...group, metric, bucket, scoreKey: scoreKey(score), delta });
      }
    }
  };
  if (old) add(old, -1);
  add(contribution, 1);
  await replacePeerMember(trx, member, [...deltas.values()], [...exact.values()]);
}

/** Each customer type's groups with the profile column each is drawn from (the core's facts). */
const PEER_GROUP_COLUMNS: PeerNaming["groups"] = {
  sme: PEER_GROUPS.sme.map((kind) => [kind, PEER_GROUP_FIELDS[kind]] as const),
  pso: PEER_GROUPS.pso.map((kind) => [kind, PEER_GROUP_FIELDS[kind]] as const),
};

/** Rebuilds the benchmark tables from every submitted assessment (demo data, benchmarks). */
export function rebuildPeerStatistics(db: Kysely<Database>): Promise<void> {
  return rebuildPeerData(db, { overallMetric: OVERALL_METRIC, groups: PEER_GROUP_COLUMNS });
}

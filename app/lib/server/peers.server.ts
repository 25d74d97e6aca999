import type { Transaction } from "kysely";
import {
  findPeerMember,
  readContribution,
  readPeerHistograms,
  replacePeerMember,
  readExactScores,
  type Contribution,
  type ExactDelta,
  type HistogramDelta,
  type PeerGroupKey,
} from "../../../db/queries/peers";
import type { Database } from "../../../db/schema";
import {
  bucketOf,
  comparePeers,
  scoreKey,
  type PeerComparison,
  type PeerGroupKind,
} from "../core/benchmark";
import type { Executor } from "../../../db/database";

export type { Contribution, PeerGroupKey };

/** The four peer groups of a company: its sector, size class and region, and everyone. */
export function peerGroupsOf(company: {
  primary_sector: string;
  size_class: string;
  region: string;
}): PeerGroupKey[] {
  return [
    { kind: "sector", value: company.primary_sector },
    { kind: "size_class", value: company.size_class },
    { kind: "region", value: company.region },
    { kind: "all", value: "" },
  ];
}

/**
 * The comparison of an assessment's scores with its peer groups: other companies' latest
 * consenting assessment of the same questionnaire and major version. Reads the groups'
 * histograms (one query) and takes the company's own member out of them.
 */
export async function comparePeerGroups(
  db: Executor,
  input: {
    companyId: string;
    definitionId: string;
    definitionMajor: number;
    groups: PeerGroupKey[];
    /** Metric (dimension id or overall) → score. */
    scores: Record<string, number>;
    /** The assessment being viewed, when it is submitted (it may be the member itself). */
    self?: { assessmentId: string; contribution: Contribution };
  },
): Promise<PeerComparison> {
  // The company's own buckets, whose exact scores make its percentile ranks exact.
  const ownBuckets = input.groups.flatMap((group) =>
    Object.entries(input.scores).map(([metric, score]) => ({
      ...group,
      metric,
      bucket: bucketOf(score),
    })),
  );
  const [memberId, rows, exactRows] = await Promise.all([
    findPeerMember(db, input.companyId, input.definitionId, input.definitionMajor),
    readPeerHistograms(db, input.definitionId, input.definitionMajor, input.groups),
    readExactScores(db, input.definitionId, input.definitionMajor, ownBuckets),
  ]);
  let own: Contribution | undefined;
  if (memberId) {
    own =
      memberId === input.self?.assessmentId
        ? input.self.contribution
        : await readContribution(db, memberId);
  }
  const groups = input.groups.map((group) => {
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
    for (const metric of Object.keys(input.scores))
      if (!exact.has(metric)) exact.set(metric, new Map());
    return { kind: group.kind, value: group.value, histograms, exact };
  });
  const ownGroups = new Set<PeerGroupKind>(
    (own?.groups ?? [])
      .filter((g) => input.groups.some((mine) => mine.kind === g.kind && mine.value === g.value))
      .map((g) => g.kind),
  );
  return comparePeers({
    groups,
    scores: input.scores,
    own: own && { groups: ownGroups, scores: own.scores },
  });
}

/**
 * Makes a newly submitted assessment its company's member of the benchmarks (replacing an
 * earlier one) and updates the histograms, inside the submission's transaction.
 */
export async function joinPeerBenchmarks(
  trx: Transaction<Database>,
  member: {
    companyId: string;
    definitionId: string;
    definitionMajor: number;
    assessmentId: string;
  },
  contribution: Contribution,
): Promise<void> {
  const oldId = await findPeerMember(
    trx,
    member.companyId,
    member.definitionId,
    member.definitionMajor,
    { forUpdate: true },
  );
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

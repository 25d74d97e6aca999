import type { Kysely, Transaction } from "kysely";
import {
  findEligibleMember,
  findPeerMember,
  lockPeerSlot,
  readPeerHistograms,
  readSubmittedScores,
  rebuildPeerData,
  setPeerMember,
  readExactScores,
  type ExactDelta,
  type HistogramDelta,
  type PeerNaming,
  type PeerSlot,
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

export type { PeerSlot };

/**
 * Who is looking at a comparison: an assessment, in its organisation's slot. Only an
 * organisation the hub confirmed has its own member taken out of the numbers: an
 * unconfirmed one could claim another's organisation number and, by the difference, read
 * that organisation's scores.
 */
export interface PeerViewer {
  slot: PeerSlot;
  assessmentId: string;
  confirmed: boolean;
}

/** The contribution a stored member makes to the histograms (undefined if it has no scores). */
async function readContribution(db: Executor, assessmentId: string) {
  const stored = await readSubmittedScores(db, assessmentId);
  return stored && contributionOf(stored.profile, stored);
}

/** Locks several slots until the transaction ends, in the one key order every writer uses. */
export async function lockPeerSlots(
  trx: Transaction<Database>,
  slots: readonly PeerSlot[],
): Promise<void> {
  const byKey = new Map(slots.map((s) => [slotKey(s), s]));
  for (const key of [...byKey.keys()].sort()) await lockPeerSlot(trx, byKey.get(key)!);
}

const slotKey = (slot: PeerSlot) =>
  `${slot.definitionId}/${slot.definitionMajor}/${slot.memberKey}`;

/**
 * Locks the slot until the transaction ends and reads its member: a submission reads it
 * once, for the comparison and for the update (syncPeerMember).
 */
export async function lockPeerMember(
  trx: Transaction<Database>,
  slot: PeerSlot,
): Promise<string | undefined> {
  await lockPeerSlot(trx, slot);
  return findPeerMember(trx, slot);
}

/**
 * The comparison of an assessment's scores with its peer groups: other confirmed,
 * consenting organisations' latest assessment of the same questionnaire and major version.
 * Reads the groups' histograms (one query) and, for a confirmed viewer, takes its own
 * organisation's member out of them.
 */
export async function comparePeerGroups(
  db: Executor,
  viewer: PeerViewer,
  contribution: Contribution,
  /** The slot's current member when the caller has read it already (see lockPeerMember). */
  known?: { memberId: string | undefined },
): Promise<PeerComparison> {
  const { slot } = viewer;
  // The company's own buckets, whose exact scores make its percentile ranks exact.
  const ownBuckets = contribution.groups.flatMap((group) =>
    Object.entries(contribution.scores).map(([metric, score]) => ({
      ...group,
      metric,
      bucket: bucketOf(score),
    })),
  );
  const [memberId, rows, exactRows] = await Promise.all([
    !viewer.confirmed ? undefined : known ? known.memberId : findPeerMember(db, slot),
    readPeerHistograms(db, slot.definitionId, slot.definitionMajor, contribution.groups),
    readExactScores(db, slot.definitionId, slot.definitionMajor, ownBuckets),
  ]);
  // The assessment viewed may itself be the member: then its own scores come out.
  let own: Contribution | undefined;
  if (memberId) {
    own = memberId === viewer.assessmentId ? contribution : await readContribution(db, memberId);
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
 * Brings a slot's member to what the rule says (the organisation's latest submitted
 * assessment of a confirmed, consenting company row; see eligibleMembers in
 * db/queries/peers.ts) and moves the histograms with it, inside the caller's transaction.
 * Called after every change the rule depends on: a submission, a confirmation and its
 * withdrawal. `current` is the member read with lockPeerMember; without it, the slot is
 * locked and read here.
 */
export async function syncPeerMember(
  trx: Transaction<Database>,
  slot: PeerSlot,
  current?: { memberId: string | undefined },
): Promise<void> {
  const oldId = current ? current.memberId : await lockPeerMember(trx, slot);
  const wanted = await findEligibleMember(trx, slot);
  if (wanted?.assessmentId === oldId) return;
  const old = oldId ? await readContribution(trx, oldId) : undefined;
  const added = wanted ? await readContribution(trx, wanted.assessmentId) : undefined;
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
  if (added) add(added, 1);
  await setPeerMember(trx, slot, wanted, [...deltas.values()], [...exact.values()]);
}

/** Each customer type's groups with the profile column each is drawn from (the core's facts). */
const PEER_GROUP_COLUMNS: PeerNaming["groups"] = {
  sme: PEER_GROUPS.sme.map((kind) => [kind, PEER_GROUP_FIELDS[kind]] as const),
  pso: PEER_GROUPS.pso.map((kind) => [kind, PEER_GROUP_FIELDS[kind]] as const),
};

/**
 * Rebuilds the benchmark tables from every submitted assessment of a confirmed, consenting
 * organisation (demo data, benchmarks, and the check that the kept tables are right).
 */
export function rebuildPeerStatistics(db: Kysely<Database>): Promise<void> {
  return rebuildPeerData(db, { overallMetric: OVERALL_METRIC, groups: PEER_GROUP_COLUMNS });
}

/**
 * Brings every benchmark slot of a company's submitted assessments to the rule again, in the
 * caller's transaction: after it withdrew its benchmark consent (it leaves them at once) or
 * was erased (`formerKey`: the peer key it had, whose slots are brought to the rule too, so
 * that no member keeps a key made of its organisation number).
 */
export async function syncCompanyPeerSlots(
  trx: Transaction<Database>,
  companyId: string,
  formerKey?: string,
): Promise<void> {
  const rows = await trx
    .selectFrom("assessments as a")
    .innerJoin("companies as c", "c.id", "a.company_id")
    .select(["c.peer_key", "a.definition_id", "a.definition_major"])
    .distinct()
    .where("a.company_id", "=", companyId)
    .where("a.status", "=", "submitted")
    .execute();
  const slots = new Map<string, PeerSlot>();
  for (const row of rows) {
    for (const memberKey of new Set([row.peer_key, formerKey ?? row.peer_key])) {
      const slot = {
        memberKey,
        definitionId: row.definition_id,
        definitionMajor: row.definition_major,
      };
      slots.set(slotKey(slot), slot);
    }
  }
  // In key order, as lockPeerSlot asks.
  for (const key of [...slots.keys()].sort()) await syncPeerMember(trx, slots.get(key)!);
}

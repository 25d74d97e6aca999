/**
 * Peer benchmarks (pure): from score histograms of peer groups, the number of companies,
 * median, quartiles and a company's percentile rank per dimension and overall, under the
 * privacy floor. The design (histograms kept at submission) is in docs/benchmarks.md.
 */
import type { CustomerTypeId } from "./vocabularies";

/**
 * The privacy floor: a peer group is shown only when it holds at least this many companies
 * other than the one looking. The one constant every benchmark, chart and count uses.
 */
export const PRIVACY_FLOOR = 5;

/**
 * The second threshold: a shown group with fewer other companies than this is shown
 * coarsened (COARSE_STEP-point medians and quartiles, no percentile rank). In a small group
 * an exact rank read by a probing viewer (who can submit any scores) would locate each
 * member's score; see docs/decisions/015-confirmed-peer-population.md.
 */
export const COARSE_BELOW = 20;

/** A coarsened group's medians and quartiles are rounded to a multiple of this many points. */
export const COARSE_STEP = 5;

/** A statistic of a coarsened group: the nearest multiple of COARSE_STEP. */
export function coarsen(value: number): number {
  return Math.round(value / COARSE_STEP) * COARSE_STEP;
}

/** The metric name of the overall score in histograms (dimensions use their ids). */
export const OVERALL_METRIC = "overall";

/** Histogram resolution: a bucket is a tenth of a point, centred on its value. */
export const BUCKETS_PER_POINT = 10;
/** Buckets 0..MAX_BUCKET cover scores 0..100. */
export const MAX_BUCKET = 100 * BUCKETS_PER_POINT;

/** A dimension at least this many points above its peers' median is named a strength. */
export const STRENGTH_MARGIN = 10;

/** Whether a score is a strength against its peers' median (STRENGTH_MARGIN above it). */
export function isStrength(score: number, median: number): boolean {
  return score >= median + STRENGTH_MARGIN;
}

/** Every kind of peer group: SMEs' and public sector organisations' (see PEER_GROUPS). */
export const PEER_GROUP_KINDS = [
  "sector",
  "organisation_type",
  "government_area",
  "size_class",
  "region",
  "all",
] as const;
export type PeerGroupKind = (typeof PEER_GROUP_KINDS)[number];

/** The profile a company's or organisation's peer groups are drawn from (stored columns). */
export interface PeerProfile {
  customer_type: CustomerTypeId;
  primary_sector: string | null;
  organisation_type: string | null;
  primary_area: string | null;
  size_class: string;
  region: string;
}

/**
 * The profile field each group kind is drawn from (everyone: none). The database's rebuild
 * of the benchmark tables takes this and PEER_GROUPS as input, so the kinds are declared here
 * only.
 */
export const PEER_GROUP_FIELDS = {
  sector: "primary_sector",
  organisation_type: "organisation_type",
  government_area: "primary_area",
  size_class: "size_class",
  region: "region",
  all: undefined,
} as const satisfies Record<PeerGroupKind, keyof PeerProfile | undefined>;

/**
 * Each customer type's peer groups, in the order of fallback: the closest peers first,
 * everyone of the same type last. SMEs and PSOs answer different questionnaires, so their
 * histograms never meet; no group of one type is ever offered to the other.
 */
export const PEER_GROUPS: Readonly<Record<CustomerTypeId, readonly PeerGroupKind[]>> = {
  sme: ["sector", "size_class", "region", "all"],
  pso: ["organisation_type", "government_area", "size_class", "region", "all"],
};

/** A peer group: its kind and the profile's value of it ("" for everyone). */
export interface PeerGroupKey {
  kind: PeerGroupKind;
  value: string;
}

/** A company's or organisation's peer groups, in fallback order. */
export function peerGroupsOf(profile: PeerProfile): PeerGroupKey[] {
  return PEER_GROUPS[profile.customer_type].map((kind) => {
    const field = PEER_GROUP_FIELDS[kind];
    return { kind, value: (field && profile[field]) ?? "" };
  });
}

/** What a submitted assessment adds to the histograms: its groups and its scores. */
export interface Contribution {
  groups: PeerGroupKey[];
  /** Metric (dimension id or OVERALL_METRIC) → 0..100 score. */
  scores: Record<string, number>;
}

/** The contribution of an assessment scored `score`, submitted with `profile`. */
export function contributionOf(
  profile: PeerProfile,
  score: { dimensions: Readonly<Record<string, number>>; overall: number },
): Contribution {
  return {
    groups: peerGroupsOf(profile),
    scores: { ...score.dimensions, [OVERALL_METRIC]: score.overall },
  };
}

/**
 * The bucket that holds a 0..100 score. The same arithmetic as the SQL that rebuilds the
 * histograms (db/queries/peers.ts): floor(score × 10 + 0.5), so both agree on every score.
 */
export function bucketOf(score: number): number {
  const bucket = Math.floor(score * BUCKETS_PER_POINT + 0.5);
  return Math.min(MAX_BUCKET, Math.max(0, bucket));
}

/** Exact scores are kept in millionths of a point (equal scores share a key). */
export const SCORE_KEYS_PER_POINT = 1_000_000;

/** The exact key of a score: floor(score × 10⁶ + 0.5), as the SQL rebuild computes it. */
export function scoreKey(score: number): number {
  return Math.floor(score * SCORE_KEYS_PER_POINT + 0.5);
}

/** The score a bucket stands for. */
export function bucketValue(bucket: number): number {
  return bucket / BUCKETS_PER_POINT;
}

/** Bucket → number of companies; buckets with no company are absent. */
export type Histogram = ReadonlyMap<number, number>;

/** A metric's scores in a group: metric (dimension id or `overall`) → histogram. */
export type GroupHistograms = ReadonlyMap<string, Histogram>;

export interface MetricStats {
  median: number;
  q1: number;
  q3: number;
  /**
   * Share of the peers scoring below this company, ties counted half (0..100).
   * Absent when the company has no score for the metric, and in a coarsened group.
   */
  percentile?: number;
  /**
   * In a coarsened group, instead of the percentile: the company's score against the
   * rounded median (more than half a step above or below it, else around it).
   */
  position?: "above" | "around" | "below";
}

/** A group with enough peers: its statistics. Never holds an individual value. */
export interface ShownPeerGroup {
  kind: PeerGroupKind;
  /** The sector, organisation type, government area, size class or region id; "" for everyone. */
  value: string;
  shown: true;
  /** Companies in the group other than this one (at least PRIVACY_FLOOR). */
  companies: number;
  /**
   * Fewer than COARSE_BELOW companies: the medians and quartiles are rounded to
   * COARSE_STEP points and no metric has a percentile rank.
   */
  coarse: boolean;
  metrics: Record<string, MetricStats>;
}

/** A group below the privacy floor: nothing about it is shown, not even its size. */
export interface HiddenPeerGroup {
  kind: PeerGroupKind;
  value: string;
  shown: false;
}

export type PeerGroupResult = ShownPeerGroup | HiddenPeerGroup;

export interface PeerComparison {
  /** The groups in fallback order (PEER_GROUPS of the customer type). */
  groups: PeerGroupResult[];
  /** The closest group above the floor (the one the results page compares with), if any. */
  chosen: ShownPeerGroup | undefined;
  /** Dimensions at least STRENGTH_MARGIN points above the chosen group's median. */
  strengths: string[];
}

/** Exact score key → number of companies. */
export type ExactScores = ReadonlyMap<number, number>;

export interface PeerGroupInput {
  kind: PeerGroupKind;
  value: string;
  histograms: GroupHistograms;
  /**
   * Per metric, the exact scores of the peers in the bucket of the company's own score:
   * they make the percentile rank exact (without them, that bucket counts as ties).
   */
  exact?: ReadonlyMap<string, ExactScores>;
}

/**
 * Compares a company's scores with its peer groups, given in fallback order. `own` is the company's contribution
 * to the histograms (its latest consenting assessment, which may differ from the one
 * being viewed), removed so that peers are always *other* companies.
 */
export function comparePeers(input: {
  groups: readonly PeerGroupInput[];
  scores: Readonly<Record<string, number>>;
  own?: { groups: ReadonlySet<PeerGroupKind>; scores: Readonly<Record<string, number>> };
}): PeerComparison {
  const groups = input.groups.map((group): PeerGroupResult => {
    const { kind, value } = group;
    const remove = input.own?.groups.has(kind) ? input.own.scores : undefined;
    const histograms = new Map<string, Histogram>();
    for (const [metric, histogram] of group.histograms) {
      const own = remove?.[metric];
      histograms.set(metric, own === undefined ? histogram : withoutScore(histogram, own));
    }
    const companies = total(histograms.get(OVERALL_METRIC));
    if (companies < PRIVACY_FLOOR) return { kind, value, shown: false };
    const coarse = companies < COARSE_BELOW;
    const metrics: Record<string, MetricStats> = {};
    for (const [metric, histogram] of histograms) {
      if (total(histogram) === 0) continue;
      if (coarse) {
        const { median, q1, q3 } = describe(histogram);
        const stats: MetricStats = { median: coarsen(median), q1: coarsen(q1), q3: coarsen(q3) };
        const score = input.scores[metric];
        if (score !== undefined) stats.position = positionOf(score, stats.median);
        metrics[metric] = stats;
        continue;
      }
      const own = remove?.[metric];
      const exact = group.exact?.get(metric);
      metrics[metric] = describe(
        histogram,
        input.scores[metric],
        exact && own !== undefined ? withoutKey(exact, scoreKey(own)) : exact,
      );
    }
    return { kind, value, shown: true, companies, coarse, metrics };
  });
  const chosen = groups.find((g): g is ShownPeerGroup => g.shown);
  const strengths = chosen
    ? Object.entries(input.scores)
        .filter(([metric, score]) => {
          const stats = chosen.metrics[metric];
          return metric !== OVERALL_METRIC && stats && isStrength(score, stats.median);
        })
        .map(([metric]) => metric)
    : [];
  return { groups, chosen, strengths };
}

/** A score against a coarsened median: more than half a step above or below, else around. */
export function positionOf(score: number, median: number): "above" | "around" | "below" {
  if (score > median + COARSE_STEP / 2) return "above";
  if (score < median - COARSE_STEP / 2) return "below";
  return "around";
}

/** The histogram with one company's score taken out. */
export function withoutScore(histogram: Histogram, score: number): Histogram {
  const bucket = bucketOf(score);
  const count = histogram.get(bucket) ?? 0;
  if (count === 0) return histogram;
  const copy = new Map(histogram);
  if (count === 1) copy.delete(bucket);
  else copy.set(bucket, count - 1);
  return copy;
}

function withoutKey(exact: ExactScores, key: number): ExactScores {
  const count = exact.get(key) ?? 0;
  if (count === 0) return exact;
  const copy = new Map(exact);
  if (count === 1) copy.delete(key);
  else copy.set(key, count - 1);
  return copy;
}

function total(histogram: Histogram | undefined): number {
  let n = 0;
  if (histogram) for (const count of histogram.values()) n += count;
  return n;
}

/**
 * Median, quartiles and (given a score) the percentile rank of a non-empty histogram.
 * `exact` holds the exact scores of the score's own bucket; without it, that bucket's
 * companies count as ties.
 */
export function describe(histogram: Histogram, score?: number, exact?: ExactScores): MetricStats {
  const buckets = [...histogram.keys()].sort((a, b) => a - b);
  const counts = buckets.map((b) => histogram.get(b) ?? 0);
  const n = counts.reduce((a, b) => a + b, 0);
  /** The value of the r-th smallest score (0-based). */
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (let i = 0; i < buckets.length; i++) {
      seen += counts[i];
      if (rank < seen) return bucketValue(buckets[i]);
    }
    return bucketValue(buckets[buckets.length - 1]);
  };
  // Linear interpolation between closest ranks (PostgreSQL's percentile_cont).
  const quantile = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = valueAt(lo);
    return lo === h ? low : low + (h - lo) * (valueAt(lo + 1) - low);
  };
  const stats: MetricStats = { median: quantile(0.5), q1: quantile(0.25), q3: quantile(0.75) };
  if (score !== undefined) {
    const own = bucketOf(score);
    let below = 0;
    let same = 0;
    for (let i = 0; i < buckets.length; i++) {
      if (buckets[i] < own) below += counts[i];
      else if (buckets[i] === own) same = counts[i];
    }
    if (exact) {
      const key = scoreKey(score);
      same = 0;
      for (const [k, count] of exact) {
        if (k < key) below += count;
        else if (k === key) same += count;
      }
    }
    stats.percentile = ((below + same / 2) / n) * 100;
  }
  return stats;
}

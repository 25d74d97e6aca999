/**
 * The peer comparison in words (pure): the group's label, why a wider group is shown, a
 * sentence per dimension and the strengths, in the respondent's language.
 */
import {
  COARSE_BELOW,
  COARSE_STEP,
  OVERALL_METRIC,
  PRIVACY_FLOOR,
  type PeerComparison,
  type PeerGroupKind,
  type ShownPeerGroup,
} from "../core/benchmark";
import type { LanguageId } from "../core/vocabularies";
import type { SurveyDefinition } from "../core/definitions";
import { displayScore } from "../core/scoring";
import { formatPercent } from "./numbers";
import type { Translate } from "./translate";

/**
 * "companies in manufacturing", "small companies (10–49 employees)", "municipalities",
 * "all public sector organisations"… `t` words the customer type (customerWording).
 */
export function peerGroupLabel(kind: PeerGroupKind, value: string, t: Translate): string {
  switch (kind) {
    case "sector":
      return t("peers.group.sector", { sector: lowerFirst(t(`sector.${value}`)) });
    case "organisation_type":
      return t(`pso.peers.group.organisationType.${value}`);
    case "government_area":
      return t("pso.peers.group.governmentArea", {
        area: lowerFirst(t(`governmentArea.${value}`)),
      });
    case "size_class":
      return t(`peers.group.size.${value}`);
    case "region":
      return value === "outside-sweden"
        ? t("peers.group.outsideSweden")
        : t("peers.group.region", { region: t(`region.${value}`) });
    case "all":
      return t("peers.group.all");
  }
}

function lowerFirst(text: string): string {
  // Sector names are common nouns ("Manufacturing" → "manufacturing"); ICT stays ICT.
  return /^[A-ZÅÄÖ][a-zåäö]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export interface PeerDimensionView {
  id: string;
  name: string;
  /** "Higher than 62% of companies in manufacturing. Peers: median 48, middle half 31–55." */
  sentence: string;
  /** The group's statistics, unrounded (for the charts). */
  peer: { median: number; q1: number; q3: number };
}

export interface PeerView {
  /** False when not even "everyone" holds PRIVACY_FLOOR other companies. */
  shown: boolean;
  /** What the page says: the group compared with, or that there are not enough peers yet. */
  summary: string;
  /** Why a wider group than the closest is shown (absent when the closest is shown). */
  fallback?: string;
  /** Why the figures are rounded and no rank is given (a group under COARSE_BELOW only). */
  coarse?: string;
  label?: string;
  companies?: number;
  overall?: string;
  dimensions: PeerDimensionView[];
  /** Names of the dimensions clearly above the peers' median. */
  strengths: string[];
}

export function buildPeerView(
  comparison: PeerComparison,
  definition: SurveyDefinition,
  lang: LanguageId,
  t: Translate,
): PeerView {
  const group = comparison.chosen;
  if (!group) {
    return {
      shown: false,
      summary: t("peers.notEnough", { floor: PRIVACY_FLOOR }),
      dimensions: [],
      strengths: [],
    };
  }
  const label = peerGroupLabel(group.kind, group.value, t);
  /** "Higher than 62 % of …", or in a coarsened group "Above the median of …". */
  const standing = (metric: string, exactKey: string, coarseKey: string) => {
    const stats = group.metrics[metric];
    if (!group.coarse) {
      const percentile = Math.round(stats?.percentile ?? 0);
      // No company below: "higher than 0 %" says nothing, "lower than the others" does.
      if (percentile === 0) {
        const lowest = metric === OVERALL_METRIC ? "lowestOverall" : "lowestDimension";
        return t(`journey.${lowest}`, { group: label });
      }
      return t(exactKey, { percent: formatPercent(percentile, lang), group: label });
    }
    return t(`${coarseKey}.${stats?.position ?? "around"}`, { group: label });
  };
  const overall = group.metrics[OVERALL_METRIC];
  return {
    shown: true,
    label,
    companies: group.companies,
    summary: t("peers.comparedWith", { group: label, count: group.companies }),
    fallback:
      group === comparison.groups[0]
        ? undefined
        : t(`peers.fallback.${group.kind}`, { group: label }),
    coarse: group.coarse
      ? t("peerPopulation.coarseNote", { threshold: COARSE_BELOW, step: COARSE_STEP })
      : undefined,
    overall: overall
      ? standing(OVERALL_METRIC, "peers.overallSentence", "peerPopulation.overallCoarse")
      : undefined,
    dimensions: definition.dimensions.flatMap((dimension) => {
      const stats = group.metrics[dimension.id];
      if (!stats) return [];
      const figures = {
        median: displayScore(stats.median),
        q1: displayScore(stats.q1),
        q3: displayScore(stats.q3),
      };
      return [
        {
          id: dimension.id,
          name: dimension.name[lang],
          sentence: `${standing(
            dimension.id,
            "peers.dimensionSentence",
            "peerPopulation.dimensionCoarse",
          )} ${t(group.coarse ? "peerPopulation.peerStatsCoarse" : "peers.peerStats", figures)}`,
          peer: { median: stats.median, q1: stats.q1, q3: stats.q3 },
        },
      ];
    }),
    strengths: comparison.strengths.map(
      (id) => definition.dimensions.find((d) => d.id === id)?.name[lang] ?? id,
    ),
  };
}

/** The chosen group's median per dimension, for the recommendation engine. */
export function peerMedians(group: ShownPeerGroup | undefined): Record<string, number> | undefined {
  if (!group) return undefined;
  return Object.fromEntries(
    Object.entries(group.metrics)
      .filter(([metric]) => metric !== OVERALL_METRIC)
      .map(([metric, stats]) => [metric, stats.median]),
  );
}

/**
 * The recommendation engine (pure): from an assessment's scores and answers, the service
 * catalogue and the peers' medians, the hub's services ranked by need, each with the rule
 * that triggered it. Only the trigger is stored; the reason is worded at read time from the
 * pinned definition version (app/lib/view/recommendation-reasons.ts, docs/services.md).
 */
import type { Answers } from "./answers";
import { isStrength, type PeerGroupKind } from "./benchmark";
import type { LanguageId } from "./vocabularies";
import type { SurveyDefinition } from "./definitions";
import { findBand } from "./scoring";
import {
  isCellRule,
  isChoiceRule,
  isDimensionRule,
  type Service,
  type ServiceRule,
} from "./service-catalogue";

/** How many recommendations the results page shows before "show more". */
export const SHOWN_RECOMMENDATIONS = 5;
/** How many are kept at all: the shown few and as many again on request. */
export const MAX_RECOMMENDATIONS = 2 * SHOWN_RECOMMENDATIONS;
/** A dimension scoring at most this is weak (the Basic and Average bands): it gets a service. */
export const WEAK_SCORE = 50;
/** The least gap an answer rule counts with, so a missing backup matters even in a strong area. */
export const ANSWER_MIN_GAP = 10;

/** Why a service was recommended: the rule that held, with the numbers it held for. */
export type Trigger =
  | {
      kind: "dimension";
      dimension: string;
      score: number;
      /** The rule's threshold; absent when the service was added because the area is weak. */
      below?: number;
      /** The compared peer group's median, and which group it was. */
      peerMedian?: number;
      peerGroup?: { kind: PeerGroupKind; value: string };
    }
  | { kind: "choice"; dimension: string; question: string; item: number; selected: boolean }
  | { kind: "row"; dimension: string; question: string; row: string; value: string | number }
  | {
      kind: "cell";
      dimension: string;
      question: string;
      row: string;
      column: string;
      ticked: boolean;
    };

export interface RankedRecommendation {
  /** 1 = most needed. */
  rank: number;
  service: Service;
  trigger: Trigger;
  /** Points of gap (to the next band, the peers' median or the rule's threshold). */
  gap: number;
  /** gap × the service's priority: the ranking key. */
  weight: number;
}

export interface RecommendInput {
  definitionId: string;
  definition: SurveyDefinition;
  /** Dimension id → 0..100. */
  dimensions: Readonly<Record<string, number>>;
  answers: Answers;
  services: readonly Service[];
  /** The chosen peer group and its median per dimension, when one is above the privacy floor. */
  peers?: { kind: PeerGroupKind; value: string; medians: Readonly<Record<string, number>> };
}

type Candidate = Omit<RankedRecommendation, "rank">;

/**
 * Ranks the catalogue's services for one assessment. A service is a candidate when one of
 * its rules for this questionnaire holds; its weight is the largest gap × priority among
 * them. Every weak dimension gets at least one service when the catalogue has one for it,
 * and the first SHOWN_RECOMMENDATIONS make room for one per weak dimension. A strength
 * (STRENGTH_MARGIN above the peers' median, as the results page names it) is never a
 * dimension's reason, and a service for one of its answers comes after every service for
 * another area (decision 022). Deterministic.
 */
export function recommend(input: RecommendInput): RankedRecommendation[] {
  const { definition, dimensions } = input;
  const dimensionOf = questionDimensions(definition);
  const strengths = new Set(
    definition.dimensions
      .map((d) => d.id)
      .filter((id) => {
        const median = input.peers?.medians[id];
        return median !== undefined && isStrength(dimensions[id] ?? 0, median);
      }),
  );
  // Needs come first: an answer in an area the page calls a strength only after the rest.
  const byNeed = (a: Candidate, b: Candidate) =>
    Number(strengths.has(a.trigger.dimension)) - Number(strengths.has(b.trigger.dimension)) ||
    byWeight(a, b);
  const gapOf = (dimension: string): number => {
    const score = dimensions[dimension] ?? 0;
    const band = findBand(definition, score);
    const last = definition.bands[definition.bands.length - 1];
    const toNextBand = band === last ? 0 : band.max - score;
    const median = input.peers?.medians[dimension];
    return Math.max(0, toNextBand, median === undefined ? 0 : median - score);
  };

  const best = new Map<string, Candidate>();
  const offer = (candidate: Candidate) => {
    const current = best.get(candidate.service.id);
    if (!current || byNeed(candidate, current) < 0) best.set(candidate.service.id, candidate);
  };
  for (const service of input.services) {
    for (const rule of service.rules) {
      if (rule.definition !== input.definitionId) continue;
      const held = evaluate(rule, input.dimensions, input.answers, dimensionOf);
      if (!held || (held.kind === "dimension" && strengths.has(held.dimension))) continue;
      const gap =
        held.kind === "dimension"
          ? Math.max(gapOf(held.dimension), (held.below ?? 0) - held.score)
          : Math.max(gapOf(held.dimension), ANSWER_MIN_GAP);
      offer({ service, trigger: held, gap, weight: gap * service.priority });
    }
  }

  // Every weak dimension gets a service: when no rule held for it, the catalogue's most
  // important service that has a rule about that dimension, not already recommended.
  const weak = definition.dimensions
    .map((d) => d.id)
    .filter((id) => (dimensions[id] ?? 0) <= WEAK_SCORE && !strengths.has(id))
    .sort((a, b) => (dimensions[a] ?? 0) - (dimensions[b] ?? 0) || a.localeCompare(b));
  const covers = (candidate: Candidate, dimension: string) =>
    candidate.trigger.dimension === dimension;
  for (const dimension of weak) {
    if ([...best.values()].some((c) => covers(c, dimension))) continue;
    const service = input.services
      .filter((s) => !best.has(s.id))
      .filter((s) =>
        s.rules.some((r) => aboutDimension(r, input.definitionId, dimension, dimensionOf)),
      )
      .sort(byPriority)[0];
    if (!service) continue;
    const gap = gapOf(dimension);
    const score = dimensions[dimension] ?? 0;
    offer({
      service,
      trigger: { kind: "dimension", dimension, score },
      gap,
      weight: gap * service.priority,
    });
  }
  // A dimension's reason names the peers' median when the score is below it.
  for (const candidate of best.values()) {
    const trigger = candidate.trigger;
    if (trigger.kind !== "dimension" || !input.peers) continue;
    const median = input.peers.medians[trigger.dimension];
    if (median !== undefined && trigger.score < median) {
      trigger.peerMedian = median;
      trigger.peerGroup = { kind: input.peers.kind, value: input.peers.value };
    }
  }

  const ranked = [...best.values()].sort(byNeed);
  // The most needed service of each weak dimension, weakest first: these are always kept,
  // and the shown few make room for them first.
  const firsts: Candidate[] = [];
  for (const dimension of weak) {
    const first = ranked.find((c) => covers(c, dimension));
    if (first && !firsts.includes(first)) firsts.push(first);
  }
  const shown = firsts.slice(0, SHOWN_RECOMMENDATIONS);
  for (const candidate of ranked) {
    if (shown.length >= SHOWN_RECOMMENDATIONS) break;
    if (!shown.includes(candidate)) shown.push(candidate);
  }
  const rest = firsts.filter((c) => !shown.includes(c));
  for (const candidate of ranked) {
    if (shown.length + rest.length >= MAX_RECOMMENDATIONS) break;
    if (!shown.includes(candidate) && !rest.includes(candidate)) rest.push(candidate);
  }
  return [...shown.sort(byNeed), ...rest.sort(byNeed)].map((c, i) => ({ ...c, rank: i + 1 }));
}

function byPriority(a: Service, b: Service): number {
  return b.priority - a.priority || a.id.localeCompare(b.id);
}

function byWeight(a: Candidate, b: Candidate): number {
  return b.weight - a.weight || byPriority(a.service, b.service);
}

/** Scored question name → the dimension it counts in. */
function questionDimensions(definition: SurveyDefinition): Map<string, string> {
  return new Map(
    Object.entries(definition.scoring.questions).map(([name, q]) => [name, q.dimension]),
  );
}

function aboutDimension(
  rule: ServiceRule,
  definitionId: string,
  dimension: string,
  dimensionOf: ReadonlyMap<string, string>,
): boolean {
  if (rule.definition !== definitionId) return false;
  return isDimensionRule(rule)
    ? rule.dimension === dimension
    : dimensionOf.get(rule.question) === dimension;
}

/**
 * Which of `rules` fire for one submitted assessment (the catalogue editor's preview): the
 * same test `recommend` makes, one boolean per rule. A rule for another questionnaire
 * never fires.
 */
export function rulesFiring(
  rules: readonly ServiceRule[],
  assessment: Pick<RecommendInput, "definitionId" | "definition" | "dimensions" | "answers">,
): boolean[] {
  const dimensionOf = questionDimensions(assessment.definition);
  return rules.map(
    (rule) =>
      rule.definition === assessment.definitionId &&
      evaluate(rule, assessment.dimensions, assessment.answers, dimensionOf) !== undefined,
  );
}

/** The trigger when the rule holds for these scores and answers. */
function evaluate(
  rule: ServiceRule,
  dimensions: RecommendInput["dimensions"],
  answers: Answers,
  dimensionOf: ReadonlyMap<string, string>,
): Trigger | undefined {
  if (isDimensionRule(rule)) {
    const score = dimensions[rule.dimension];
    if (score === undefined || !(score < rule.below)) return undefined;
    return { kind: "dimension", dimension: rule.dimension, score, below: rule.below };
  }
  const dimension = dimensionOf.get(rule.question);
  const answer = answers[rule.question];
  if (dimension === undefined || answer === undefined || answer === null) return undefined;
  if (isChoiceRule(rule)) {
    if (!Array.isArray(answer)) return undefined;
    const selected = answer.some((value) => String(value) === String(rule.item));
    return selected === rule.selected
      ? { kind: "choice", dimension, question: rule.question, item: rule.item, selected }
      : undefined;
  }
  if (typeof answer !== "object" || Array.isArray(answer)) return undefined;
  if (isCellRule(rule)) {
    // A tick grid's missing row or column is an unticked cell.
    const cells = (answer as Record<string, unknown>)[rule.row];
    const ticked =
      typeof cells === "object" &&
      cells !== null &&
      (cells as Record<string, unknown>)[rule.column] === true;
    return ticked === rule.ticked
      ? {
          kind: "cell",
          dimension,
          question: rule.question,
          row: rule.row,
          column: rule.column,
          ticked,
        }
      : undefined;
  }
  const value = (answer as Record<string, unknown>)[rule.row];
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  return rule.values.some((v) => String(v) === String(value))
    ? { kind: "row", dimension, question: rule.question, row: rule.row, value }
    : undefined;
}

/**
 * A recommendation read back: the service version and the trigger stored at submission, with
 * the reason worded now from that trigger and the assessment's pinned definition.
 */
export interface StoredRecommendation {
  rank: number;
  serviceId: string;
  category: Service["category"];
  name: Record<LanguageId, string>;
  description: Record<LanguageId, string>;
  contact: { email?: string; url?: string };
  reason: Record<LanguageId, string>;
  trigger: Record<string, unknown>;
}

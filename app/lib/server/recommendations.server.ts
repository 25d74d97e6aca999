import type { NewRecommendation } from "../../../db/schema";
import type { Answers } from "../core/answers";
import type { PeerComparison } from "../core/benchmark";
import { LANGUAGES, type CustomerTypeId, type LanguageId } from "../core/vocabularies";
import { customerWording, staffWording } from "../view/translate";
import type { SurveyDefinition } from "../core/definitions";
import { translatorFor } from "./i18n.server";
import { peerMedians } from "../view/peer-view";
import { recommend, type Trigger } from "../core/recommendations";
import { describeTrigger } from "../view/recommendation-reasons";
import type { ActiveService } from "./services.server";

/**
 * The recommendations of a submission as rows to store: ranked by the engine, each naming
 * the service's current content version and the facts that triggered it.
 */
export function recommendationRows(input: {
  assessmentId: string;
  definitionId: string;
  definition: SurveyDefinition;
  dimensions: Record<string, number>;
  answers: Answers;
  services: readonly ActiveService[];
  peers: PeerComparison;
}): NewRecommendation[] {
  const chosen = input.peers.chosen;
  const versionOf = new Map(input.services.map((s) => [s.id, s.versionId]));
  const ranked = recommend({
    definitionId: input.definitionId,
    definition: input.definition,
    dimensions: input.dimensions,
    answers: input.answers,
    services: input.services,
    peers: chosen && { kind: chosen.kind, value: chosen.value, medians: peerMedians(chosen) ?? {} },
  });
  return ranked.map((r) => ({
    assessment_id: input.assessmentId,
    rank: r.rank,
    service_version_id: versionOf.get(r.service.id) ?? 0,
    trigger: JSON.stringify(r.trigger),
    weight: r.weight,
  }));
}

/** Who reads a reason: the company itself ("you"), or the hub's staff ("the company"). */
export type Audience = "company" | "staff";

/**
 * A stored trigger's reason in every language, worded with the pinned definition, in the
 * customer type's terms (a peer group of "organisations" or of "companies") and for its
 * reader.
 */
export function reasonsOf(
  trigger: Trigger,
  definition: SurveyDefinition,
  customerType: CustomerTypeId,
  audience: Audience = "company",
): Record<LanguageId, string> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => {
      const t = translatorFor(lang);
      const worded = customerWording(audience === "staff" ? staffWording(t) : t, customerType);
      return [lang, describeTrigger(trigger, definition, lang, worded)];
    }),
  ) as Record<LanguageId, string>;
}

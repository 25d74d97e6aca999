import type { NewRecommendation } from "../../db/schema";
import en from "../locales/en";
import sv from "../locales/sv";
import type { Answers } from "./answers";
import type { PeerComparison } from "./benchmark";
import { LANGUAGES, type LanguageId } from "./catalog";
import type { SurveyDefinition } from "./definitions";
import { peerGroupLabel, peerMedians, type Translate } from "./peer-view";
import { describeTrigger, recommend } from "./recommendations";
import type { Service } from "./services";
import { translate, type Dictionary } from "./translate";

const DICTIONARIES: Record<LanguageId, Dictionary> = { en, sv };

/** A translation function of one language, on the server (no request needed). */
export function translatorFor(lang: LanguageId): Translate {
  return (key, variables) => translate(DICTIONARIES[lang], key, variables);
}

/**
 * The recommendations of a submission as rows to store: ranked by the engine, each with a
 * snapshot of the service and its reason written in every language.
 */
export function recommendationRows(input: {
  assessmentId: string;
  definitionId: string;
  definition: SurveyDefinition;
  dimensions: Record<string, number>;
  answers: Answers;
  services: readonly Service[];
  peers: PeerComparison;
}): NewRecommendation[] {
  const chosen = input.peers.chosen;
  const ranked = recommend({
    definitionId: input.definitionId,
    definition: input.definition,
    dimensions: input.dimensions,
    answers: input.answers,
    services: input.services,
    peerMedians: peerMedians(chosen),
  });
  const reasons = (lang: LanguageId) => {
    const t = translatorFor(lang);
    const label = chosen && peerGroupLabel(chosen.kind, chosen.value, t);
    return ranked.map((r) => describeTrigger(r.trigger, input.definition, lang, t, label));
  };
  const byLanguage = Object.fromEntries(LANGUAGES.map((lang) => [lang, reasons(lang)])) as Record<
    LanguageId,
    string[]
  >;
  return ranked.map((r, i) => ({
    assessment_id: input.assessmentId,
    rank: r.rank,
    service_id: r.service.id,
    category: r.service.category,
    name_sv: r.service.name.sv,
    name_en: r.service.name.en,
    description_sv: r.service.description.sv,
    description_en: r.service.description.en,
    contact_email: r.service.contact.email ?? null,
    contact_url: r.service.contact.url ?? null,
    reason_sv: byLanguage.sv[i],
    reason_en: byLanguage.en[i],
    trigger: JSON.stringify(r.trigger),
    weight: r.weight,
  }));
}

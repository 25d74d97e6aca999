/**
 * The catalogue editor's choices in the reader's language: the rule targets grouped by
 * questionnaire and question, and a single-choice grid's answers, as the respondents see
 * them in the latest published version.
 */
import type { RuleKind, RuleTarget } from "../core/catalogue-form";
import { SERVICE_CATEGORIES } from "../core/service-catalogue";
import { findQuestion, type SurveyDefinition } from "../core/definitions";
import type { LanguageId } from "../core/vocabularies";
import { items, localise } from "./answer-summary";
import type { Translate } from "./translate";

export interface TargetGroup {
  label: string;
  options: { key: string; label: string }[];
}

export interface TargetInfo {
  kind: RuleKind;
  /** The questionnaire's title. */
  definition: string;
  /** A single-choice grid's answers. */
  values?: { value: string; label: string }[];
}

export interface TargetChoices {
  groups: TargetGroup[];
  info: Record<string, TargetInfo>;
}

/** The targets as a select's groups (one per questionnaire's dimensions, one per question). */
export function targetChoices(
  targets: readonly RuleTarget[],
  latest: (id: string) => SurveyDefinition | undefined,
  lang: LanguageId,
  t: Translate,
): TargetChoices {
  const groups = new Map<string, TargetGroup>();
  const info: Record<string, TargetInfo> = {};
  for (const target of targets) {
    const definition = latest(target.definition);
    if (!definition) continue;
    const title = definition.title[lang];
    let group: string;
    let label: string;
    if (target.kind === "dimension") {
      group = t("hub.services.rule.dimensionsOf", { questionnaire: title });
      label =
        definition.dimensions.find((d) => d.id === target.dimension)?.name[lang] ??
        target.dimension!;
    } else {
      const question = findQuestion(definition, target.question!)?.json ?? {};
      group = `${title}: ${localise(question.title, lang) || target.question}`;
      if (target.kind === "choice") {
        const item = items(question, "choices").find((c) => c.value === String(target.item));
        label = localise(item?.text, lang) || String(target.item);
      } else {
        const row = items(question, "rows").find((r) => r.value === target.row);
        label = localise(row?.text, lang) || target.row!;
        if (target.kind === "cell") {
          const column = items(question, "columns").find((c) => c.value === target.column);
          label = `${label} – ${localise(column?.text, lang) || target.column}`;
        } else {
          info[target.key] = {
            kind: target.kind,
            definition: title,
            values: items(question, "columns").map((c) => ({
              value: c.value,
              label: localise(c.text, lang) || c.value,
            })),
          };
        }
      }
    }
    info[target.key] ??= { kind: target.kind, definition: title };
    const found = groups.get(group) ?? { label: group, options: [] };
    found.options.push({ key: target.key, label });
    groups.set(group, found);
  }
  return { groups: [...groups.values()], info };
}

/** What the catalogue list orders a service by. */
export interface ListedService {
  active: boolean;
  category: string;
  name: Record<LanguageId, string>;
}

/**
 * The catalogue list in the order a person looks for a service: the active ones first,
 * then by category in the order the results page lists the four, then by name in the
 * reader's language (Swedish collation puts å, ä, ö after z).
 */
export function catalogueOrder<S extends ListedService>(
  services: readonly S[],
  lang: LanguageId,
): S[] {
  const collator = new Intl.Collator(lang === "sv" ? "sv-SE" : "en-GB", { sensitivity: "base" });
  const rank = (category: string) => {
    const at = (SERVICE_CATEGORIES as readonly string[]).indexOf(category);
    return at < 0 ? SERVICE_CATEGORIES.length : at;
  };
  return [...services].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      rank(a.category) - rank(b.category) ||
      collator.compare(a.name[lang], b.name[lang]),
  );
}

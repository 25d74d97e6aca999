/**
 * The hub's service catalogue (pure): its format, and the check of every rule against the
 * definitions it names. The catalogue lives in the database and is edited at /hub/services;
 * db/catalogue/services.json seeds an empty one and is the import/export format
 * (docs/services.md).
 */
import { z } from "zod";
import {
  DefinitionIdSchema,
  findQuestion,
  formatPath,
  LocalisedTextSchema,
  type Problem,
  type Result,
  type SurveyDefinition,
  zodProblems,
} from "./definitions";

/** The four EDIH service categories, in the order the results page lists them. */
export const SERVICE_CATEGORIES = [
  "test-before-invest",
  "training",
  "investment",
  "networking",
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Relevant when the dimension's score (0–100) is below `below`. */
const DimensionRuleSchema = z
  .object({
    definition: DefinitionIdSchema,
    dimension: z.string().min(1),
    below: z.number().gt(0).max(100),
  })
  .strict();

/** Relevant when a checkbox question's item (1-based choice value) is (not) selected. */
const ChoiceRuleSchema = z
  .object({
    definition: DefinitionIdSchema,
    question: z.string().min(1),
    item: z.number().int().min(1),
    selected: z.boolean(),
  })
  .strict();

/** Relevant when a single-choice grid's row is answered with one of `values`. */
const RowRuleSchema = z
  .object({
    definition: DefinitionIdSchema,
    question: z.string().min(1),
    row: z.string().min(1),
    values: z.array(z.union([z.string(), z.number()])).min(1),
  })
  .strict();

/**
 * Relevant when a tick grid's cell (a row's column, such as "Implemented" for "Publish data
 * as open data") is ticked (`ticked: true`) or not (`false`).
 */
const CellRuleSchema = z
  .object({
    definition: DefinitionIdSchema,
    question: z.string().min(1),
    row: z.string().min(1),
    column: z.string().min(1),
    ticked: z.boolean(),
  })
  .strict();

export const ServiceRuleSchema = z.union([
  DimensionRuleSchema,
  ChoiceRuleSchema,
  RowRuleSchema,
  CellRuleSchema,
]);
export type ServiceRule = z.infer<typeof ServiceRuleSchema>;
export type DimensionRule = z.infer<typeof DimensionRuleSchema>;
export type ChoiceRule = z.infer<typeof ChoiceRuleSchema>;
export type RowRule = z.infer<typeof RowRuleSchema>;
export type CellRule = z.infer<typeof CellRuleSchema>;

export const ServiceSchema = z
  .object({
    id: DefinitionIdSchema,
    category: z.enum(SERVICE_CATEGORIES),
    name: LocalisedTextSchema,
    description: LocalisedTextSchema,
    contact: z
      .object({ email: z.string().email().optional(), url: z.string().url().optional() })
      .strict()
      .refine((c) => c.email !== undefined || c.url !== undefined, "needs an email or a url"),
    /** 1 (nice to have) .. 3 (most important when it applies): multiplies the gap. */
    priority: z.number().int().min(1).max(3),
    rules: z.array(ServiceRuleSchema).min(1),
    /** Absent or true: recommended. False: kept (past results name it) but not recommended. */
    active: z.boolean().optional(),
  })
  .strict();
export type Service = z.infer<typeof ServiceSchema>;

/** How to reach the hub itself (the results page's call to action). */
const HubSchema = z
  .object({ name: z.string().min(1), email: z.string().email(), url: z.string().url() })
  .strict();
export type Hub = z.infer<typeof HubSchema>;

const CatalogueSchema = z
  .object({
    $comment: z.string().optional(),
    hub: HubSchema,
    services: z.array(ServiceSchema).min(1),
  })
  .strict();
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** A contact from optional columns: only the parts that are there. */
export function contactOf(email: string | null, url: string | null): Service["contact"] {
  return { ...(email ? { email } : {}), ...(url ? { url } : {}) };
}

export function isDimensionRule(rule: ServiceRule): rule is DimensionRule {
  return "dimension" in rule;
}
export function isChoiceRule(rule: ServiceRule): rule is ChoiceRule {
  return "item" in rule;
}
export function isCellRule(rule: ServiceRule): rule is CellRule {
  return "column" in rule;
}

/**
 * Parses a catalogue and checks every rule against every published version of the
 * definition it names (`versionsOf(id)`): the dimension, question, item, row and values
 * must exist. Each problem names the service and the rule.
 */
export function parseCatalogue(json: unknown, versionsOf: VersionsOf): Result<Catalogue> {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.services.forEach((service, s) => {
    if (seen.has(service.id)) {
      problems.push({
        path: formatPath(["services", s, "id"]),
        message: `service ${service.id} is listed twice`,
      });
    }
    seen.add(service.id);
    problems.push(...checkService(service, versionsOf, ["services", s]));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Published versions of a definition by id, with their definitions. */
export type VersionsOf = (
  id: string,
) => readonly { version: string; definition: SurveyDefinition }[];

/**
 * Checks every rule of one (schema-valid) service against every published version of the
 * definition it names. Each problem's path is `at` + `rules[r]`; its message names the
 * service and the rule.
 */
export function checkService(
  service: Service,
  versionsOf: VersionsOf,
  at: readonly (string | number)[] = [],
): Problem[] {
  const problems: Problem[] = [];
  service.rules.forEach((rule, r) => {
    const path = formatPath([...at, "rules", r]);
    const versions = versionsOf(rule.definition);
    if (versions.length === 0) {
      problems.push({
        path,
        message: `service ${service.id}, rule ${r + 1}: no published definition ${rule.definition}`,
      });
    }
    // One problem per rule and kind of fault, naming every version that has it.
    const failing = new Map<string, string[]>();
    for (const { version, definition } of versions) {
      const problem = checkRule(rule, definition);
      if (problem) failing.set(problem, [...(failing.get(problem) ?? []), version]);
    }
    for (const [problem, failed] of failing) {
      problems.push({
        path,
        message: `service ${service.id}, rule ${r + 1}: ${rule.definition}@${failed.join(", ")} ${problem}`,
      });
    }
  });
  return problems;
}

/** What is wrong with a rule against one definition version, if anything. */
export function checkRule(rule: ServiceRule, definition: SurveyDefinition): string | undefined {
  if (isDimensionRule(rule)) {
    return definition.dimensions.some((d) => d.id === rule.dimension)
      ? undefined
      : `has no dimension ${rule.dimension}`;
  }
  const question = findQuestion(definition, rule.question);
  if (!question) return `has no question ${rule.question}`;
  if (!Object.hasOwn(definition.scoring.questions, rule.question)) {
    return `does not score question ${rule.question}`;
  }
  if (isChoiceRule(rule)) {
    if (question.type !== "checkbox") return `question ${rule.question} is not a checkbox question`;
    const values = valuesOf(question.json, "choices");
    return values.includes(String(rule.item))
      ? undefined
      : `question ${rule.question} has no item ${rule.item}`;
  }
  if (isCellRule(rule)) {
    if (question.type !== "matrixdropdown") return `question ${rule.question} is not a tick grid`;
    if (!valuesOf(question.json, "rows").includes(rule.row)) {
      return `question ${rule.question} has no row ${rule.row}`;
    }
    const columns = namesOf(question.json, "columns");
    return columns.includes(rule.column)
      ? undefined
      : `question ${rule.question} has no column ${rule.column}`;
  }
  if (question.type !== "matrix") return `question ${rule.question} is not a single-choice grid`;
  if (!valuesOf(question.json, "rows").includes(rule.row)) {
    return `question ${rule.question} has no row ${rule.row}`;
  }
  const columns = valuesOf(question.json, "columns");
  const unknown = rule.values.filter((v) => !columns.includes(String(v)));
  return unknown.length > 0
    ? `question ${rule.question} has no column ${unknown.join(", ")}`
    : undefined;
}

/** The names of a tick grid's columns. */
function namesOf(json: Readonly<Record<string, unknown>>, key: string): string[] {
  const list = Array.isArray(json[key]) ? (json[key] as unknown[]) : [];
  return list.map((item) =>
    String(item && typeof item === "object" ? (item as { name?: unknown }).name : item),
  );
}

/** The values of a question's choices, rows or columns, as strings. */
function valuesOf(json: Readonly<Record<string, unknown>>, key: string): string[] {
  const list = Array.isArray(json[key]) ? (json[key] as unknown[]) : [];
  return list.map((item) =>
    String(item && typeof item === "object" ? (item as { value?: unknown }).value : item),
  );
}

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
 * A problem of a catalogue file: its English message (start-up errors, the CLI) and what a
 * page words in the reader's language, `hub.services.problem.<code>` with `params`.
 */
export interface CatalogueProblem extends Problem {
  code: string;
  params: Record<string, string | number>;
}

/** A schema problem with the wording key of its kind (zod's issue codes). */
function schemaProblems(error: z.ZodError): CatalogueProblem[] {
  return error.issues.map((issue) => {
    const { path, message } = zodProblems(new z.ZodError([issue]))[0];
    const at = (code: string, params: Record<string, string | number> = {}) => ({
      path,
      message,
      code,
      params,
    });
    switch (issue.code) {
      case "invalid_type":
        return issue.received === "undefined"
          ? at("required")
          : at("type", { expected: issue.expected, received: issue.received });
      case "unrecognized_keys":
        return at("unknownKeys", { keys: issue.keys.join(", ") });
      case "invalid_enum_value":
        return at("oneOf", { options: issue.options.join(", ") });
      case "invalid_union":
        return at("rule");
      case "invalid_string":
        return at("format", { format: String(issue.validation) });
      case "too_small":
        return issue.type === "array"
          ? at("tooFew", { minimum: Number(issue.minimum) })
          : issue.type === "string"
            ? at("empty")
            : at("min", { minimum: Number(issue.minimum) });
      case "too_big":
        return at("max", { maximum: Number(issue.maximum) });
      case "custom":
        return at("contact");
      default:
        return at("invalid");
    }
  });
}

/**
 * Parses a catalogue and checks every rule against every published version of the
 * definition it names (`versionsOf(id)`): the dimension, question, item, row and values
 * must exist. Each problem names the service and the rule.
 */
export function parseCatalogue(
  json: unknown,
  versionsOf: VersionsOf,
): { ok: true; value: Catalogue } | { ok: false; problems: CatalogueProblem[] } {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  const problems: CatalogueProblem[] = [];
  const seen = new Set<string>();
  parsed.data.services.forEach((service, s) => {
    if (seen.has(service.id)) {
      problems.push({
        path: formatPath(["services", s, "id"]),
        message: `service ${service.id} is listed twice`,
        code: "listedTwice",
        params: { service: service.id },
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
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  service.rules.forEach((rule, r) => {
    const path = formatPath([...at, "rules", r]);
    const where = { service: service.id, rule: r + 1, definition: rule.definition };
    const versions = versionsOf(rule.definition);
    if (versions.length === 0) {
      problems.push({
        path,
        message: `service ${service.id}, rule ${r + 1}: no published definition ${rule.definition}`,
        code: "noDefinition",
        params: where,
      });
    }
    // One problem per rule and kind of fault, naming every version that has it.
    const failing = new Map<string, { fault: RuleFault; versions: string[] }>();
    for (const { version, definition } of versions) {
      const fault = ruleFault(rule, definition);
      if (!fault) continue;
      const key = ruleFaultText(fault);
      const seen = failing.get(key);
      if (seen) seen.versions.push(version);
      else failing.set(key, { fault, versions: [version] });
    }
    for (const [text, { fault, versions: failed }] of failing) {
      problems.push({
        path,
        message: `service ${service.id}, rule ${r + 1}: ${rule.definition}@${failed.join(", ")} ${text}`,
        code: fault.code,
        params: { ...where, ...fault.params, versions: failed.join(", ") },
      });
    }
  });
  return problems;
}

/** What is wrong with a rule against a definition: a wording key and its values. */
export interface RuleFault {
  code:
    | "noDimension"
    | "noQuestion"
    | "notScored"
    | "notCheckbox"
    | "noItem"
    | "notTickGrid"
    | "noRow"
    | "noColumn"
    | "notGrid";
  params: { question?: string; dimension?: string; item?: string; row?: string; column?: string };
}

/** A rule's fault in English (the start-up errors and the CLI say it so). */
function ruleFaultText({ code, params: p }: RuleFault): string {
  switch (code) {
    case "noDimension":
      return `has no dimension ${p.dimension}`;
    case "noQuestion":
      return `has no question ${p.question}`;
    case "notScored":
      return `does not score question ${p.question}`;
    case "notCheckbox":
      return `question ${p.question} is not a checkbox question`;
    case "noItem":
      return `question ${p.question} has no item ${p.item}`;
    case "notTickGrid":
      return `question ${p.question} is not a tick grid`;
    case "noRow":
      return `question ${p.question} has no row ${p.row}`;
    case "noColumn":
      return `question ${p.question} has no column ${p.column}`;
    case "notGrid":
      return `question ${p.question} is not a single-choice grid`;
  }
}

/** What is wrong with a rule against one definition version, if anything (in English). */
export function checkRule(rule: ServiceRule, definition: SurveyDefinition): string | undefined {
  const fault = ruleFault(rule, definition);
  return fault && ruleFaultText(fault);
}

function ruleFault(rule: ServiceRule, definition: SurveyDefinition): RuleFault | undefined {
  if (isDimensionRule(rule)) {
    return definition.dimensions.some((d) => d.id === rule.dimension)
      ? undefined
      : { code: "noDimension", params: { dimension: rule.dimension } };
  }
  const question = rule.question;
  const found = findQuestion(definition, question);
  if (!found) return { code: "noQuestion", params: { question } };
  if (!Object.hasOwn(definition.scoring.questions, question)) {
    return { code: "notScored", params: { question } };
  }
  if (isChoiceRule(rule)) {
    if (found.type !== "checkbox") return { code: "notCheckbox", params: { question } };
    const values = valuesOf(found.json, "choices");
    return values.includes(String(rule.item))
      ? undefined
      : { code: "noItem", params: { question, item: String(rule.item) } };
  }
  if (isCellRule(rule)) {
    if (found.type !== "matrixdropdown") return { code: "notTickGrid", params: { question } };
    if (!valuesOf(found.json, "rows").includes(rule.row)) {
      return { code: "noRow", params: { question, row: rule.row } };
    }
    const columns = namesOf(found.json, "columns");
    return columns.includes(rule.column)
      ? undefined
      : { code: "noColumn", params: { question, column: rule.column } };
  }
  if (found.type !== "matrix") return { code: "notGrid", params: { question } };
  if (!valuesOf(found.json, "rows").includes(rule.row)) {
    return { code: "noRow", params: { question, row: rule.row } };
  }
  const columns = valuesOf(found.json, "columns");
  const unknown = rule.values.filter((v) => !columns.includes(String(v)));
  return unknown.length > 0
    ? { code: "noColumn", params: { question, column: unknown.join(", ") } }
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

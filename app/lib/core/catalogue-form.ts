/**
 * The catalogue editor's form (pure): the rule targets it may offer (only what every
 * published version of a definition has), and the form's fields read back into a service,
 * checked with the catalogue's own schema and rule check. Errors are codes per field; the
 * page words them in the reader's language.
 */
import { z } from "zod";
import { findQuestion, type SurveyDefinition } from "./definitions";
import {
  checkRule,
  checkService,
  ServiceSchema,
  type Service,
  type ServiceRule,
  type VersionsOf,
} from "./service-catalogue";

export const RULE_KINDS = ["dimension", "choice", "row", "cell"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Something a rule can be about: a dimension, a checkbox item, a grid row or a grid cell. */
export interface RuleTarget {
  /** Its value in the form: `kind|definition|…` */
  key: string;
  kind: RuleKind;
  definition: string;
  dimension?: string;
  question?: string;
  item?: number;
  row?: string;
  column?: string;
  /** A single-choice grid's column values, as the definition writes them. */
  values?: (string | number)[];
}

/** A published definition with its versions, oldest first (the last is the latest). */
export interface PublishedDefinition {
  id: string;
  versions: readonly { version: string; definition: SurveyDefinition }[];
}

type Json = Readonly<Record<string, unknown>>;

function list(json: Json, key: string): unknown[] {
  return Array.isArray(json[key]) ? (json[key] as unknown[]) : [];
}

function valueOf(item: unknown, field: "value" | "name"): string | number {
  const raw = item && typeof item === "object" ? (item as Record<string, unknown>)[field] : item;
  return typeof raw === "number" ? raw : String(raw);
}

/** A rule about `target` with some condition, to check it with the catalogue's own check. */
function probeRule(target: RuleTarget): ServiceRule {
  const definition = target.definition;
  switch (target.kind) {
    case "dimension":
      return { definition, dimension: target.dimension!, below: 50 };
    case "choice":
      return { definition, question: target.question!, item: target.item!, selected: true };
    case "row":
      return { definition, question: target.question!, row: target.row!, values: target.values! };
    case "cell":
      return {
        definition,
        question: target.question!,
        row: target.row!,
        column: target.column!,
        ticked: true,
      };
  }
}

/**
 * Every target a rule may name, in questionnaire order: read from each definition's latest
 * version and kept only when every published version has it (the check the catalogue
 * makes at start-up), so the editor cannot offer an invalid rule.
 */
export function ruleTargets(definitions: readonly PublishedDefinition[]): RuleTarget[] {
  const targets: RuleTarget[] = [];
  for (const { id, versions } of definitions) {
    const latest = versions[versions.length - 1]?.definition;
    if (!latest) continue;
    const found: RuleTarget[] = latest.dimensions.map((d) => ({
      key: `dimension|${id}|${d.id}`,
      kind: "dimension",
      definition: id,
      dimension: d.id,
    }));
    for (const question of Object.keys(latest.scoring.questions)) {
      const entry = findQuestion(latest, question);
      if (!entry) continue;
      const q = entry.json;
      if (entry.type === "checkbox") {
        for (const choice of list(q, "choices")) {
          const item = Number(valueOf(choice, "value"));
          if (!Number.isInteger(item) || item < 1) continue;
          found.push({
            key: `choice|${id}|${question}|${item}`,
            kind: "choice",
            definition: id,
            question,
            item,
          });
        }
      } else if (entry.type === "matrix") {
        const values = list(q, "columns").map((c) => valueOf(c, "value"));
        for (const r of list(q, "rows")) {
          const row = String(valueOf(r, "value"));
          found.push({
            key: `row|${id}|${question}|${row}`,
            kind: "row",
            definition: id,
            question,
            row,
            values,
          });
        }
      } else if (entry.type === "matrixdropdown") {
        for (const r of list(q, "rows")) {
          const row = String(valueOf(r, "value"));
          for (const c of list(q, "columns")) {
            const column = String(valueOf(c, "name"));
            found.push({
              key: `cell|${id}|${question}|${row}|${column}`,
              kind: "cell",
              definition: id,
              question,
              row,
              column,
            });
          }
        }
      }
    }
    targets.push(
      ...found.filter((target) =>
        versions.every(({ definition }) => checkRule(probeRule(target), definition) === undefined),
      ),
    );
  }
  return targets;
}

/** The target key of a stored rule (to select it in the form). */
export function targetKeyOf(rule: ServiceRule): string {
  if ("dimension" in rule) return `dimension|${rule.definition}|${rule.dimension}`;
  if ("item" in rule) return `choice|${rule.definition}|${rule.question}|${rule.item}`;
  if ("column" in rule)
    return `cell|${rule.definition}|${rule.question}|${rule.row}|${rule.column}`;
  return `row|${rule.definition}|${rule.question}|${rule.row}`;
}

/** One rule as the form holds it: strings, as typed. */
export interface RuleFormValues {
  target: string;
  /** A dimension rule's threshold. */
  below: string;
  /** A checkbox item's or tick grid cell's condition: "true" (selected, ticked) or "false". */
  when: string;
  /** A single-choice grid row's answers. */
  values: string[];
}

/** The form's values, as typed (to fill it in again after an error). */
export interface ServiceFormValues {
  id: string;
  category: string;
  priority: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  email: string;
  url: string;
  rules: RuleFormValues[];
}

export const EMPTY_RULE: RuleFormValues = { target: "", below: "", when: "false", values: [] };

/** A stored service as the form shows it. */
export function formValuesOf(service: Service): ServiceFormValues {
  return {
    id: service.id,
    category: service.category,
    priority: String(service.priority),
    nameSv: service.name.sv,
    nameEn: service.name.en,
    descriptionSv: service.description.sv,
    descriptionEn: service.description.en,
    email: service.contact.email ?? "",
    url: service.contact.url ?? "",
    rules: service.rules.map((rule) => ({
      target: targetKeyOf(rule),
      below: "below" in rule ? String(rule.below) : "",
      when:
        "selected" in rule ? String(rule.selected) : "ticked" in rule ? String(rule.ticked) : "",
      values: "values" in rule ? rule.values.map(String) : [],
    })),
  };
}

/** Why a field was refused; `hub.services.error.<code>` words it. */
export type FieldError =
  | "id"
  | "idTaken"
  | "category"
  | "priority"
  | "required"
  | "email"
  | "url"
  | "contact"
  | "rules"
  | "target"
  | "below"
  | "values"
  | "rule";

/** Field names of the form: `name_sv`, `rules.2.below`, … */
export type FieldErrors = Record<string, FieldError>;

/** The form read back; `rules` lines up with `values.rules` (undefined: that rule is invalid). */
export type ParsedServiceForm = {
  values: ServiceFormValues;
  rules: (ServiceRule | undefined)[];
} & ({ ok: true; service: Service } | { ok: false; errors: FieldErrors });

const MAX_RULES = 50;
const MAX_TEXT = 5_000;

/** The posted form's fields: each name's values, in order. */
export type FormFields = ReadonlyMap<string, readonly string[]>;

function first(fields: FormFields, name: string): string {
  const value = fields.get(name)?.[0] ?? "";
  return value.slice(0, MAX_TEXT);
}

/** The rule rows of the form, in slot order, without the ones marked for removal. */
function ruleValues(fields: FormFields): RuleFormValues[] {
  const slots = new Set<number>();
  for (const name of fields.keys()) {
    const match = /^rules\.(\d{1,3})\./.exec(name);
    if (match) slots.add(Number(match[1]));
  }
  return [...slots]
    .sort((a, b) => a - b)
    .slice(0, MAX_RULES)
    .filter((i) => first(fields, `rules.${i}.remove`) === "")
    .map((i) => ({
      target: first(fields, `rules.${i}.target`),
      below: first(fields, `rules.${i}.below`).trim(),
      when: first(fields, `rules.${i}.when`) || "false",
      values: (fields.get(`rules.${i}.values`) ?? []).slice(0, 100).map((v) => v.slice(0, 100)),
    }))
    .filter((rule) => rule.target !== "");
}

/** Reads the form's rules against the offered targets; errors keyed `rules.<i>.<field>`. */
function readRules(
  rules: readonly RuleFormValues[],
  targets: ReadonlyMap<string, RuleTarget>,
  errors: FieldErrors,
): (ServiceRule | undefined)[] {
  return rules.map((values, i) =>
    readRule(values, targets.get(values.target), `rules.${i}`, errors),
  );
}

function readRule(
  values: RuleFormValues,
  target: RuleTarget | undefined,
  at: string,
  errors: FieldErrors,
): ServiceRule | undefined {
  if (!target) {
    errors[`${at}.target`] = "target";
    return undefined;
  }
  const definition = target.definition;
  switch (target.kind) {
    case "dimension": {
      const below = Number(values.below.replace(",", "."));
      if (values.below === "" || !Number.isFinite(below) || below <= 0 || below > 100) {
        errors[`${at}.below`] = "below";
        return undefined;
      }
      return { definition, dimension: target.dimension!, below };
    }
    case "choice":
      return {
        definition,
        question: target.question!,
        item: target.item!,
        selected: values.when === "true",
      };
    case "cell":
      return {
        definition,
        question: target.question!,
        row: target.row!,
        column: target.column!,
        ticked: values.when === "true",
      };
    case "row": {
      const chosen = (target.values ?? []).filter((v) => values.values.includes(String(v)));
      if (chosen.length === 0) {
        errors[`${at}.values`] = "values";
        return undefined;
      }
      return { definition, question: target.question!, row: target.row!, values: chosen };
    }
  }
}

const FIELD_OF: Record<string, string> = {
  id: "id",
  category: "category",
  priority: "priority",
  "name.sv": "name_sv",
  "name.en": "name_en",
  "description.sv": "description_sv",
  "description.en": "description_en",
  "contact.email": "email",
  "contact.url": "url",
  contact: "email",
  rules: "rules",
};

const ERROR_OF: Record<string, FieldError> = {
  id: "id",
  category: "category",
  priority: "priority",
  name_sv: "required",
  name_en: "required",
  description_sv: "required",
  description_en: "required",
  email: "email",
  url: "url",
  rules: "rules",
};

/**
 * The posted form as a service, checked like a catalogue file (the schema, then every rule
 * against every published version), or the errors per field. On an edit the id is the
 * stored one, not a field.
 */
export function parseServiceForm(
  fields: FormFields,
  targets: readonly RuleTarget[],
  versionsOf: VersionsOf,
  id?: string,
): ParsedServiceForm {
  const values: ServiceFormValues = {
    id: id ?? first(fields, "id").trim(),
    category: first(fields, "category"),
    priority: first(fields, "priority"),
    nameSv: first(fields, "name_sv"),
    nameEn: first(fields, "name_en"),
    descriptionSv: first(fields, "description_sv"),
    descriptionEn: first(fields, "description_en"),
    email: first(fields, "email").trim(),
    url: first(fields, "url").trim(),
    rules: ruleValues(fields),
  };
  const errors: FieldErrors = {};
  const read = readRules(values.rules, new Map(targets.map((t) => [t.key, t])), errors);
  const rules = read.filter((r): r is ServiceRule => r !== undefined);
  if (id === undefined && values.id === "new") errors.id = "id";
  const candidate = {
    id: values.id,
    category: values.category,
    name: { sv: values.nameSv, en: values.nameEn },
    description: { sv: values.descriptionSv, en: values.descriptionEn },
    contact: {
      ...(values.email ? { email: values.email } : {}),
      ...(values.url ? { url: values.url } : {}),
    },
    priority: Number(values.priority),
    rules,
  };
  const ruleErrors = () => Object.keys(errors).some((k) => k.startsWith("rules."));
  const parsed = ServiceSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      const field = FIELD_OF[path] ?? FIELD_OF[path.split(".")[0]];
      // A rule's own errors are already keyed by its row; `rules` is "none at all".
      if (!field || (field === "rules" && (issue.path.length > 1 || ruleErrors()))) continue;
      if (path === "contact") {
        errors.email ??= "contact";
        continue;
      }
      errors[field] ??= ERROR_OF[field];
    }
  }
  if (rules.length === 0 && !ruleErrors()) {
    errors.rules = "rules";
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    if (Object.keys(errors).length === 0) errors.rules = "rules";
    return { ok: false, errors, values, rules: read };
  }
  // The targets were valid in every version; the catalogue's own check says so too.
  for (const problem of checkService(parsed.data, versionsOf)) {
    const rule = /rules\[(\d+)\]/.exec(problem.path)?.[1];
    errors[rule === undefined ? "rules" : `rules.${rule}.target`] = "rule";
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors, values, rules: read }
    : { ok: true, service: parsed.data, values, rules: read };
}

/** The form's fields from a request's FormData. */
export function formFields(form: { entries(): Iterable<[string, unknown]> }): FormFields {
  const fields = new Map<string, string[]>();
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

/** The revision field of an edit: a positive integer, else undefined. */
export const RevisionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

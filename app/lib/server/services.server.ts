import { readFileSync } from "node:fs";
import path from "node:path";
import {
  countServices,
  insertService,
  latestSubmitted,
  listActiveServices,
  listCatalogueRows,
  serviceVersionId,
  syncServices,
  updateService,
} from "../../../db/queries/services";
import type { Database } from "../../../db/schema";
import type { Executor } from "../../../db/database";
import type { Kysely } from "kysely";
import { getDefinitionRegistry, sha256, type DefinitionRegistry } from "./definitions.server";
import { env } from "./env.server";
import {
  checkService,
  type CatalogueProblem,
  contactOf,
  parseCatalogue,
  ServiceSchema,
  type Catalogue,
  type Service,
  type ServiceRule,
  type VersionsOf,
} from "../core/service-catalogue";
import { ruleTargets, type PublishedDefinition, type RuleTarget } from "../core/catalogue-form";
import { rulesFiring } from "../core/recommendations";
import type { Answers } from "../core/answers";
import type { Actor } from "../core/staff-policy";
import type { LanguageId } from "../core/vocabularies";
import { targetChoices, type TargetChoices } from "../view/catalogue-view";
import type { Translate } from "../view/translate";
import { audit } from "./audit.server";
import { database } from "./db.server";

/** Every problem of the service catalogue file, one line each: `<file>: <path>: <problem>`. */
export class CatalogueError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "CatalogueError";
  }
}

/**
 * Reads and validates the service catalogue file against the published definitions.
 * Throws a `CatalogueError` naming the service and the rule of every problem.
 */
export function loadServiceCatalogue(
  file: string,
  registry: DefinitionRegistry = getDefinitionRegistry(),
): Catalogue {
  // Named relative to the working directory when inside it (db/catalogue/services.json).
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith("..") ? relative : file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogueError([`${shown}: cannot be read as JSON: ${reason}`]);
  }
  const parsed = parseCatalogue(json, publishedVersions(registry));
  if (!parsed.ok) {
    throw new CatalogueError(parsed.problems.map((p) => `${shown}: ${p.path}: ${p.message}`));
  }
  return parsed.value;
}

let cached: Catalogue | undefined;

/** Each published definition's versions, oldest first, as the catalogue's check takes them. */
export function publishedVersions(
  registry: DefinitionRegistry = getDefinitionRegistry(),
): VersionsOf {
  return (id: string) => {
    const listed = registry.list().find((d) => d.id === id);
    return (listed?.versions ?? []).flatMap((version) => {
      const entry = registry.get(id, version);
      return entry ? [{ version, definition: entry.definition }] : [];
    });
  };
}

/**
 * The seed file SERVICES_FILE (db/catalogue/services.json), validated, read once per
 * process: it fills an empty catalogue, and its `hub` is the hub's contact on results pages.
 */
export function getServiceCatalogue(): Catalogue {
  cached ??= loadServiceCatalogue(env().SERVICES_FILE);
  return cached;
}

/**
 * A service's version as stored: its content, priority and rules, under the SHA-256 of
 * them all, so any edit is a new version and the same content is stored once.
 */
export function serviceVersion(s: Service) {
  const content = {
    service_id: s.id,
    category: s.category,
    name_sv: s.name.sv,
    name_en: s.name.en,
    description_sv: s.description.sv,
    description_en: s.description.en,
    contact_email: s.contact.email ?? null,
    contact_url: s.contact.url ?? null,
    priority: s.priority,
  };
  const rules = JSON.stringify(s.rules);
  return {
    ...content,
    rules,
    content_hash: sha256(JSON.stringify({ ...content, rules: s.rules })),
  };
}

/**
 * Makes the services table hold exactly `services` (a new version of each that changed,
 * the others marked inactive). For test and benchmark set-ups; the server itself only
 * seeds an empty catalogue (`seedCatalogueIfEmpty`) and edits it at /hub/services.
 */
export async function syncServiceCatalogue(
  db: Kysely<Database>,
  services: readonly Service[] = getServiceCatalogue().services,
): Promise<void> {
  await syncServices(
    db,
    services.map((s) => ({
      content: serviceVersion(s),
      priority: s.priority,
      rules: JSON.stringify(s.rules),
    })),
  );
}

/**
 * Fills an empty services table from the seed file (at start-up, after migrating). A
 * catalogue that has services, even all deactivated, is the hub's own and is left alone.
 * Returns how many services were seeded.
 */
export async function seedCatalogueIfEmpty(
  db: Kysely<Database>,
  services: readonly Service[] = getServiceCatalogue().services,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if ((await countServices(trx)) > 0) return 0;
    for (const service of services) {
      await insertService(trx, {
        id: service.id,
        versionId: await serviceVersionId(trx, serviceVersion(service)),
        priority: service.priority,
        rules: JSON.stringify(service.rules),
        active: service.active ?? true,
        by: null,
      });
    }
    return services.length;
  });
}

/**
 * Checks the active services of the table against the published definitions (at
 * start-up): a rule naming a question, item, row or dimension they lack stops the server,
 * one line per problem naming the service and the rule.
 */
export async function checkStoredCatalogue(
  db: Executor,
  registry: DefinitionRegistry = getDefinitionRegistry(),
): Promise<void> {
  const versionsOf = publishedVersions(registry);
  const lines: string[] = [];
  for (const row of await listActiveServices(db)) {
    const parsed = ServiceSchema.safeParse(serviceOfRow(row));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      lines.push(
        `services table: service ${row.service_id}: ${issue.path.join(".")}: ${issue.message}`,
      );
      continue;
    }
    for (const problem of checkService(parsed.data, versionsOf)) {
      lines.push(`services table: ${problem.message}`);
    }
  }
  if (lines.length > 0) throw new CatalogueError(lines);
}

type ServiceRow = Awaited<ReturnType<typeof listActiveServices>>[number];

/** A row of the table (current version, priority, rules) as the catalogue's format. */
function serviceOfRow(row: ServiceRow): unknown {
  return {
    id: row.service_id,
    category: row.category,
    name: { sv: row.name_sv, en: row.name_en },
    description: { sv: row.description_sv, en: row.description_en },
    contact: contactOf(row.contact_email, row.contact_url),
    priority: row.priority,
    rules: row.rules,
  };
}

/** A service of the table with the id of its current content version. */
export type ActiveService = Service & { versionId: number };

/** The active services of the table, as the recommendation engine takes them. */
export async function activeServices(db: Executor): Promise<ActiveService[]> {
  const rows = await listActiveServices(db);
  return rows.flatMap((row) => {
    const parsed = ServiceSchema.safeParse(serviceOfRow(row));
    // The table is written only through validation (the seed, the editor, an import); a
    // row edited by hand into an invalid shape is left out rather than breaking every
    // submission (and stops the next start-up).
    return parsed.success ? [{ ...parsed.data, versionId: row.version_id }] : [];
  });
}

// ---- The catalogue editor (/hub/services) ----

/** A service of the catalogue as the editor lists and edits it. */
export interface CatalogueEntry {
  service: Service;
  active: boolean;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** Every service, active first, by category and id. */
export async function listCatalogue(db: Executor = database().db): Promise<CatalogueEntry[]> {
  return entriesOf(await listCatalogueRows(db));
}

/** One service of the catalogue, or undefined. */
export async function catalogueEntry(
  id: string,
  db: Executor = database().db,
): Promise<CatalogueEntry | undefined> {
  return entriesOf(await listCatalogueRows(db, id))[0];
}

function entriesOf(rows: Awaited<ReturnType<typeof listCatalogueRows>>): CatalogueEntry[] {
  return rows.flatMap((row) => {
    const parsed = ServiceSchema.safeParse(serviceOfRow(row));
    if (!parsed.success) return [];
    return [
      {
        service: parsed.data,
        active: row.active,
        revision: row.revision,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by_name,
      },
    ];
  });
}

let targets: RuleTarget[] | undefined;

/** What a rule may name (the published definitions never change within a process). */
export function catalogueRuleTargets(): RuleTarget[] {
  targets ??= ruleTargets(publishedDefinitions());
  return targets;
}

/** The published definitions with their versions, oldest first. */
export function publishedDefinitions(
  registry: DefinitionRegistry = getDefinitionRegistry(),
): PublishedDefinition[] {
  const versionsOf = publishedVersions(registry);
  return registry.list().map(({ id }) => ({ id, versions: versionsOf(id) }));
}

/** Why a save was refused. */
export type SaveRefusal = "stale" | "idTaken" | "unchanged" | "notFound";

interface By {
  actor: Actor;
  ip: string | null;
}

function auditTarget(id: string) {
  return { type: "service" as const, id };
}

/**
 * Saves a service: a new one (`revision` undefined) or an edit made on `revision`. Writes
 * a new version when anything changed, and the audit entry, in one transaction. Refused
 * when someone else saved in between, the id is taken, or nothing changed.
 */
export async function saveService(
  service: Service,
  revision: number | undefined,
  by: By,
): Promise<{ ok: true } | { ok: false; reason: SaveRefusal }> {
  return database()
    .db.transaction()
    .execute(async (trx) => {
      const version = serviceVersion(service);
      const current = (await listCatalogueRows(trx, service.id))[0];
      if (revision === undefined) {
        if (current) return { ok: false, reason: "idTaken" } as const;
        const versionId = await serviceVersionId(trx, version);
        const inserted = await insertService(trx, {
          id: service.id,
          versionId,
          priority: service.priority,
          rules: version.rules,
          active: true,
          by: by.actor.id,
        });
        if (!inserted) return { ok: false, reason: "idTaken" } as const;
        await audit(
          {
            actor: by.actor,
            action: "catalogue.service_created",
            target: auditTarget(service.id),
            details: { version: versionId },
            ip: by.ip,
          },
          trx,
        );
        return { ok: true } as const;
      }
      if (!current) return { ok: false, reason: "notFound" } as const;
      if (current.revision !== revision) return { ok: false, reason: "stale" } as const;
      if (current.content_hash === version.content_hash) {
        return { ok: false, reason: "unchanged" } as const;
      }
      const versionId = await serviceVersionId(trx, version);
      const updated = await updateService(trx, {
        id: service.id,
        revision,
        versionId,
        priority: service.priority,
        rules: version.rules,
        active: current.active,
        by: by.actor.id,
      });
      if (!updated) return { ok: false, reason: "stale" } as const;
      await audit(
        {
          actor: by.actor,
          action: "catalogue.service_edited",
          target: auditTarget(service.id),
          details: { version: versionId, previousVersion: current.version_id },
          ip: by.ip,
        },
        trx,
      );
      return { ok: true } as const;
    });
}

/** Deactivates (no longer recommended) or reactivates a service, made on `revision`. */
export async function setServiceActive(
  id: string,
  active: boolean,
  revision: number,
  by: By,
): Promise<{ ok: true } | { ok: false; reason: SaveRefusal }> {
  return database()
    .db.transaction()
    .execute(async (trx) => {
      const current = (await listCatalogueRows(trx, id))[0];
      if (!current) return { ok: false, reason: "notFound" } as const;
      if (current.revision !== revision) return { ok: false, reason: "stale" } as const;
      if (current.active === active) return { ok: false, reason: "unchanged" } as const;
      const updated = await updateService(trx, {
        id,
        revision,
        versionId: current.version_id,
        priority: current.priority,
        rules: JSON.stringify(current.rules),
        active,
        by: by.actor.id,
      });
      if (!updated) return { ok: false, reason: "stale" } as const;
      await audit(
        {
          actor: by.actor,
          action: active ? "catalogue.service_reactivated" : "catalogue.service_deactivated",
          target: auditTarget(id),
          ip: by.ip,
        },
        trx,
      );
      return { ok: true } as const;
    });
}

/**
 * The catalogue in the seed file's format (the hub's contact from the seed file, then every
 * service, a deactivated one with `"active": false`), for download.
 */
export async function exportCatalogue(by: By): Promise<Catalogue> {
  const entries = await listCatalogue();
  await audit({
    actor: by.actor,
    action: "catalogue.exported",
    details: { services: entries.length },
    ip: by.ip,
  });
  return {
    hub: getServiceCatalogue().hub,
    services: entries.map(({ service, active }) => ({
      ...service,
      ...(active ? {} : { active: false }),
    })),
  };
}

export type ImportResult =
  | { ok: true; created: string[]; updated: string[]; unchanged: string[] }
  | { ok: false; problems: CatalogueProblem[] };

/**
 * Imports a catalogue file: validated like the seed (every problem reported), then in one
 * transaction each listed service is added, or given a new version when it changed (its
 * `active` as the file says, active when absent). Services the file does not list are left
 * as they are; the file's `hub` is checked but not applied. One audit entry.
 */
export async function importCatalogue(json: unknown, by: By): Promise<ImportResult> {
  const parsed = parseCatalogue(json, publishedVersions());
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return database()
    .db.transaction()
    .execute(async (trx) => {
      const created: string[] = [];
      const updated: string[] = [];
      const unchanged: string[] = [];
      for (const service of parsed.value.services) {
        const { active: wanted, ...content } = service;
        const active = wanted ?? true;
        const version = serviceVersion(content);
        const current = (await listCatalogueRows(trx, service.id))[0];
        const versionId = await serviceVersionId(trx, version);
        if (!current) {
          await insertService(trx, {
            id: service.id,
            versionId,
            priority: service.priority,
            rules: version.rules,
            active,
            by: by.actor.id,
          });
          created.push(service.id);
        } else if (current.content_hash === version.content_hash && current.active === active) {
          unchanged.push(service.id);
        } else {
          await updateService(trx, {
            id: service.id,
            revision: current.revision,
            versionId,
            priority: service.priority,
            rules: version.rules,
            active,
            by: by.actor.id,
          });
          updated.push(service.id);
        }
      }
      await audit(
        {
          actor: by.actor,
          action: "catalogue.imported",
          details: { created, updated, unchanged: unchanged.length },
          ip: by.ip,
        },
        trx,
      );
      return { ok: true, created, updated, unchanged } as const;
    });
}

/** How many assessments the preview looks at: the newest submitted ones. */
export const PREVIEW_SAMPLE = 1_000;

export interface RulePreview {
  /** How many submitted assessments were looked at (at most PREVIEW_SAMPLE). */
  sample: number;
  /** Per rule: for how many of them it fired. */
  rules: number[];
  /** For how many at least one rule fired. */
  service: number;
  /** How many of the sample answered each questionnaire. */
  byDefinition: Record<string, number>;
  /** Time taken on the server, ms. */
  ms: number;
}

/**
 * Would these rules have fired for the newest PREVIEW_SAMPLE submitted assessments? Each
 * is tested with the recommender's own rule test (`rulesFiring`) on its stored answers and
 * scores and its pinned definition version.
 */
export async function previewRules(
  rules: readonly ServiceRule[],
  db: Executor = database().db,
  registry: DefinitionRegistry = getDefinitionRegistry(),
): Promise<RulePreview> {
  const started = performance.now();
  const { assessments, scores } = await latestSubmitted(db, PREVIEW_SAMPLE);
  const dimensionsOf = new Map<string, Record<string, number>>();
  for (const s of scores) {
    const dimensions = dimensionsOf.get(s.assessment_id) ?? {};
    dimensions[s.dimension] = s.score;
    dimensionsOf.set(s.assessment_id, dimensions);
  }
  const counts = rules.map(() => 0);
  let service = 0;
  const byDefinition: Record<string, number> = {};
  for (const a of assessments) {
    byDefinition[a.definition_id] = (byDefinition[a.definition_id] ?? 0) + 1;
    const entry = registry.get(a.definition_id, a.definition_version);
    if (!entry) continue;
    const fired = rulesFiring(rules, {
      definitionId: a.definition_id,
      definition: entry.definition,
      dimensions: dimensionsOf.get(a.id) ?? {},
      answers: a.answers as Answers,
    });
    fired.forEach((f, i) => {
      if (f) counts[i]++;
    });
    if (fired.some(Boolean)) service++;
  }
  return {
    sample: assessments.length,
    rules: counts,
    service,
    byDefinition,
    ms: Math.round(performance.now() - started),
  };
}

const choices = new Map<LanguageId, TargetChoices>();

/** The rule editor's choices in a language (computed once per process and language). */
export function catalogueChoices(lang: LanguageId, t: Translate): TargetChoices {
  let found = choices.get(lang);
  if (!found) {
    const registry = getDefinitionRegistry();
    found = targetChoices(catalogueRuleTargets(), (id) => registry.latest(id)?.definition, lang, t);
    choices.set(lang, found);
  }
  return found;
}

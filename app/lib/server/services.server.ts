import { readFileSync } from "node:fs";
import path from "node:path";
import { listActiveServices, syncServices } from "../../../db/queries/services";
import type { Database } from "../../../db/schema";
import type { Executor } from "../../../db/database";
import type { Kysely } from "kysely";
import { getDefinitionRegistry, sha256, type DefinitionRegistry } from "./definitions.server";
import { env } from "./env.server";
import {
  contactOf,
  parseCatalogue,
  ServiceSchema,
  type Catalogue,
  type Service,
} from "../core/service-catalogue";

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
  const versionsOf = (id: string) => {
    const listed = registry.list().find((d) => d.id === id);
    return (listed?.versions ?? []).flatMap((version) => {
      const entry = registry.get(id, version);
      return entry ? [{ version, definition: entry.definition }] : [];
    });
  };
  const parsed = parseCatalogue(json, versionsOf);
  if (!parsed.ok) {
    throw new CatalogueError(parsed.problems.map((p) => `${shown}: ${p.path}: ${p.message}`));
  }
  return parsed.value;
}

let cached: Catalogue | undefined;

/** The validated catalogue of SERVICES_FILE, read once per process. */
export function getServiceCatalogue(): Catalogue {
  cached ??= loadServiceCatalogue(env().SERVICES_FILE);
  return cached;
}

/** Makes the services table match the catalogue file (at start-up, after migrating). */
export async function syncServiceCatalogue(
  db: Kysely<Database>,
  services: readonly Service[] = getServiceCatalogue().services,
): Promise<void> {
  await syncServices(
    db,
    services.map((s) => {
      const content = {
        service_id: s.id,
        category: s.category,
        name_sv: s.name.sv,
        name_en: s.name.en,
        description_sv: s.description.sv,
        description_en: s.description.en,
        contact_email: s.contact.email ?? null,
        contact_url: s.contact.url ?? null,
      };
      return {
        content: { ...content, content_hash: sha256(JSON.stringify(content)) },
        priority: s.priority,
        rules: JSON.stringify(s.rules),
      };
    }),
  );
}

/** A service of the table with the id of its current content version. */
export type ActiveService = Service & { versionId: number };

/** The active services of the table, as the recommendation engine takes them. */
export async function activeServices(db: Executor): Promise<ActiveService[]> {
  const rows = await listActiveServices(db);
  return rows.flatMap((row) => {
    const parsed = ServiceSchema.safeParse({
      id: row.service_id,
      category: row.category,
      name: { sv: row.name_sv, en: row.name_en },
      description: { sv: row.description_sv, en: row.description_en },
      contact: contactOf(row.contact_email, row.contact_url),
      priority: row.priority,
      rules: row.rules,
    });
    // The table is written only from the validated file; a row edited by hand into an
    // invalid shape is left out rather than breaking every submission.
    return parsed.success ? [{ ...parsed.data, versionId: row.version_id }] : [];
  });
}

import { countCompanies, peerKeysOf } from "../../../db/queries/companies";
import { insertRecommendations } from "../../../db/queries/services";
import type { NewRecommendation } from "../../../db/schema";
import { insertDemoData } from "../../../db/seed";
import { rebuildCompanyLatest } from "../../../db/queries/company-latest";
import type { Answers } from "../core/answers";
import { contributionOf } from "../core/benchmark";
import { majorOf } from "../core/definitions";
import { MAIN_DEFINITIONS } from "../core/next-assessments";
import { database } from "./db.server";
import { generateDemoData } from "./demo-data.server";
import { seedDemoStaff } from "./demo-staff.server";
import { seedDemoWorkspace } from "./demo-workspace.server";
import { getDefinitionRegistry } from "./definitions.server";
import { env } from "./env.server";
import { comparePeerGroups, rebuildPeerStatistics } from "./peers.server";
import { rebuildDashboard } from "./dashboard-rollups.server";
import { recommendationRows } from "./recommendations.server";
import { activeServices } from "./services.server";

/**
 * Seeds demo data into an empty embedded database, so that `npm start` shows a living
 * app. A PostgreSQL server is seeded only with SEED_DEMO_DATA=always (or `npm run db:seed`).
 */
export async function seedIfEmpty(): Promise<number> {
  const { db, kind } = database();
  const mode = env().SEED_DEMO_DATA;
  if (mode === "never" || (mode === "auto" && kind !== "pglite")) return 0;
  if ((await countCompanies(db)) > 0) return 0;
  return seedDemoData();
}

/**
 * Inserts the demo data set (companies and public sector organisations with T0 and some T1
 * assessments of the latest dma-sme and dma-pso, scored by the engine, and the demo staff
 * accounts with their assignments); returns the number of organisations inserted.
 */
export async function seedDemoData(): Promise<number> {
  const registry = getDefinitionRegistry();
  const [dma, pso] = [MAIN_DEFINITIONS.sme, MAIN_DEFINITIONS.pso].map((id) => {
    const latest = registry.latest(id);
    if (!latest) throw new Error(`no published version of ${id}`);
    return latest;
  });
  const data = generateDemoData({ dma, pso });
  const { db } = database();
  await insertDemoData(db, data);
  await rebuildPeerStatistics(db);
  const peerKeys = await peerKeysOf(
    db,
    data.companies.map((c) => c.id),
  );
  // Each submitted demo assessment gets its recommendations as a real submission would,
  // ranked against today's peers (a real one is ranked against the peers of its day).
  const services = await activeServices(db);
  const definitions = new Map([dma, pso].map((entry) => [entry.id, entry]));
  const companies = new Map(data.companies.map((c) => [c.id, c]));
  const scores = new Map<string, typeof data.scores>();
  for (const score of data.scores) {
    scores.set(score.assessment_id, [...(scores.get(score.assessment_id) ?? []), score]);
  }
  const rows: NewRecommendation[] = [];
  for (const assessment of data.assessments) {
    const company = companies.get(assessment.company_id);
    const entry = definitions.get(assessment.definition_id);
    const own = scores.get(assessment.id) ?? [];
    if (!company || !entry || own.length === 0) continue;
    const dimensions = Object.fromEntries(own.map((s) => [s.dimension, s.score]));
    const peers = await comparePeerGroups(
      db,
      {
        slot: {
          memberKey: peerKeys.get(company.id) ?? company.id,
          definitionId: entry.id,
          definitionMajor: majorOf(entry.version),
        },
        assessmentId: assessment.id,
        confirmed: true,
      },
      contributionOf(company, { dimensions, overall: assessment.overall_score ?? 0 }),
    );
    rows.push(
      ...recommendationRows({
        assessmentId: assessment.id,
        definitionId: entry.id,
        definition: entry.definition,
        dimensions,
        answers: JSON.parse(assessment.answers ?? "{}") as Answers,
        services,
        peers,
      }),
    );
  }
  await insertRecommendations(db, rows);
  await seedDemoStaff();
  await seedDemoWorkspace();
  // After the staff: a company's partner organisation on the dashboard is its adviser's.
  await rebuildDashboard(db);
  await rebuildCompanyLatest(db);
  return data.companies.length;
}

import type { Kysely } from "kysely";
import { dimensionScoreArray, type ScoreRow } from "./queries/assessments";
import type { Company, Database, NewAssessment, NewCompany } from "./schema";

/** A generated demo data set (see app/lib/server/demo-data.server.ts, which draws it). */
export interface DemoData {
  companies: (NewCompany &
    Pick<Company, "customer_type" | "primary_sector" | "organisation_type" | "primary_area"> & {
      id: string;
    })[];
  assessments: (NewAssessment & { id: string })[];
  scores: ScoreRow[];
}

// PostgreSQL allows 32,767 bind parameters per statement; the widest row here has 18.
const BATCH_ROWS = 1_000;

/** Inserts a demo data set in one transaction, in batches. */
export async function insertDemoData(db: Kysely<Database>, data: DemoData): Promise<void> {
  // The score rows' array on each scored assessment, as a submission stores it.
  const scored = new Map<string, ScoreRow[]>();
  for (const score of data.scores) {
    const own = scored.get(score.assessment_id);
    if (own) own.push(score);
    else scored.set(score.assessment_id, [score]);
  }
  const assessments = data.assessments.map((a) => {
    const scores = scored.get(a.id);
    return scores ? { ...a, dimension_scores: dimensionScoreArray(scores) } : a;
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < data.companies.length; i += BATCH_ROWS) {
      await trx
        .insertInto("companies")
        .values(data.companies.slice(i, i + BATCH_ROWS))
        .execute();
    }
    for (let i = 0; i < assessments.length; i += BATCH_ROWS) {
      await trx
        .insertInto("assessments")
        .values(assessments.slice(i, i + BATCH_ROWS))
        .execute();
    }
    for (let i = 0; i < data.scores.length; i += BATCH_ROWS) {
      await trx
        .insertInto("assessment_scores")
        .values(data.scores.slice(i, i + BATCH_ROWS))
        .execute();
    }
  });
}

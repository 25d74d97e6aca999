import { randomBytes } from "node:crypto";
import { database } from "../../app/lib/server/db.server";
import { getDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { refreshCompanyLatest } from "../../db/queries/company-latest";
import type { Stage } from "../../db/schema";

/** Inserts a company with the given profile fields; returns its id. */
export async function insertProfiledCompany(fields: {
  name: string;
  orgNumber?: string | null;
  customerType?: "sme" | "pso";
  sizeClass?: "micro" | "small" | "medium" | "large";
  region?: string;
  sector?: string;
  area?: string;
  consentAdvisers?: boolean;
}): Promise<string> {
  const pso = fields.customerType === "pso";
  const row = await database()
    .db.insertInto("companies")
    .values({
      name: fields.name,
      org_number: fields.orgNumber ?? null,
      country: "SE",
      customer_type: pso ? "pso" : "sme",
      size_class: fields.sizeClass ?? (pso ? "large" : "small"),
      primary_sector: pso ? null : (fields.sector ?? "manufacturing"),
      organisation_type: pso ? "municipal" : null,
      primary_area: pso ? (fields.area ?? "education") : null,
      region: fields.region ?? "skane",
      contact_name: `Contact of ${fields.name}`,
      contact_email: `contact.${randomBytes(4).toString("hex")}@example.se`,
      consent_advisers_at: fields.consentAdvisers === false ? null : new Date(),
      consent_benchmark_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Every company has its client-list row, as when the app creates one (migration 0025).
  await refreshCompanyLatest(database().db, [row.id]);
  return row.id;
}

/**
 * Inserts an assessment row directly (submitted with an overall score and band, or in
 * progress), for the staff lists that read only these columns.
 */
export async function insertStoredAssessment(
  companyId: string,
  stage: Stage,
  options: {
    score?: number;
    band?: string;
    submittedAt?: Date;
    definitionId?: string;
    version?: string;
    inProgress?: boolean;
  } = {},
): Promise<string> {
  const version = options.version ?? "1.1.0";
  const row = await database()
    .db.insertInto("assessments")
    .values({
      company_id: companyId,
      definition_id: options.definitionId ?? "dma-sme",
      definition_version: version,
      definition_major: Number(version.split(".")[0]),
      // The real file's hash where the version exists (the pages check it).
      definition_hash:
        getDefinitionRegistry().get(options.definitionId ?? "dma-sme", version)?.hash ?? "none",
      stage,
      status: options.inProgress ? "in_progress" : "submitted",
      answers: "{}",
      resume_token_hash: randomBytes(16).toString("hex"),
      language: "sv",
      overall_score: options.inProgress ? null : (options.score ?? 40),
      band: options.inProgress ? null : (options.band ?? "average"),
      submitted_at: options.inProgress ? null : (options.submittedAt ?? new Date()),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await refreshCompanyLatest(database().db, [companyId]);
  return row.id;
}

import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from "kysely";

/** Timestamps are stored as UTC `timestamptz`; they read back as `Date`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type SizeClass = "micro" | "small" | "medium" | "large";
export type Stage = "T0" | "T1" | "T2";
export type AssessmentStatus = "in_progress" | "submitted";
export type Language = "sv" | "en";

/** Stored answers: the contract of docs/definition-format.md (question name → value). */
export type StoredAnswers = Record<string, unknown>;

export interface CompaniesTable {
  id: Generated<string>;
  name: string;
  /** Normalised organisation number (Swedish: 10 digits) or a free VAT/ID for other countries. */
  org_number: string | null;
  country: string;
  size_class: SizeClass;
  primary_sector: string;
  secondary_sector: string | null;
  region: string;
  contact_name: string | null;
  contact_role: string | null;
  contact_email: string | null;
  /** When the company consented to share identifiable results with the hub's advisers. */
  consent_advisers_at: NullableTimestamp;
  /** When the company consented to anonymous use of its answers in peer benchmarks. */
  consent_benchmark_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentsTable {
  id: Generated<string>;
  company_id: string;
  definition_id: string;
  definition_version: string;
  definition_major: number;
  definition_hash: string;
  stage: Stage;
  status: ColumnType<AssessmentStatus, AssessmentStatus | undefined, AssessmentStatus>;
  answers: JSONColumnType<StoredAnswers, string | undefined, string>;
  current_page: ColumnType<number, number | undefined, number>;
  resume_token_hash: string;
  language: Language;
  overall_score: number | null;
  band: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: NullableTimestamp;
}

export interface AssessmentScoresTable {
  assessment_id: string;
  dimension: string;
  score: number;
  definition_id: string;
  definition_major: number;
  primary_sector: string;
  size_class: SizeClass;
  region: string;
  /** First day of the submission month (UTC), for monthly aggregates. */
  submitted_month: ColumnType<Date, Date | string, Date | string>;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  companies: CompaniesTable;
  assessments: AssessmentsTable;
  assessment_scores: AssessmentScoresTable;
}

export type Company = Selectable<CompaniesTable>;
export type NewCompany = Insertable<CompaniesTable>;
export type CompanyUpdate = Updateable<CompaniesTable>;
export type Assessment = Selectable<AssessmentsTable>;
export type NewAssessment = Insertable<AssessmentsTable>;
export type AssessmentScore = Selectable<AssessmentScoresTable>;
export type Timestamps = Timestamp;

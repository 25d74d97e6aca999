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
export type CustomerType = "sme" | "pso";
export type OrganisationType = "national" | "regional" | "municipal" | "other";

/** Stored answers: the contract of docs/definition-format.md (question name → value). */
export type StoredAnswers = Record<string, unknown>;

export interface CompaniesTable {
  id: Generated<string>;
  name: string;
  /** Normalised organisation number (Swedish: 10 digits) or a free VAT/ID for other countries. */
  org_number: string | null;
  country: string;
  size_class: SizeClass;
  /** An SME or a public sector organisation (each has only its own profile fields). */
  customer_type: ColumnType<CustomerType, CustomerType | undefined, CustomerType>;
  /** SMEs: the EU DMA sector of activity (null for a PSO). */
  primary_sector: string | null;
  secondary_sector: string | null;
  /** PSOs: national, regional, municipal or other (null for an SME). */
  organisation_type: OrganisationType | null;
  /** PSOs: the government area (COFOG division), primary and optional secondary. */
  primary_area: string | null;
  secondary_area: string | null;
  region: string;
  contact_name: string | null;
  contact_role: string | null;
  contact_email: string | null;
  /** When the company consented to share identifiable results with the hub's advisers. */
  consent_advisers_at: NullableTimestamp;
  /** When the company consented to anonymous use of its answers in peer benchmarks. */
  consent_benchmark_at: NullableTimestamp;
  /**
   * When a hub lead or an assigned adviser confirmed it as a genuine customer: only
   * confirmed organisations count in peer statistics.
   */
  peer_confirmed_at: NullableTimestamp;
  /** Who confirmed it (null when unconfirmed, for demo data, or the account is gone). */
  peer_confirmed_by: string | null;
  /**
   * The organisation in the benchmarks (generated: country and organisation number, or
   * the row's id): rows sharing it count once.
   */
  peer_key: ColumnType<string, never, never>;
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
  /** The profile the assessment was submitted with (the company's columns of that name). */
  customer_type: ColumnType<CustomerType, CustomerType | undefined, CustomerType>;
  primary_sector: string | null;
  organisation_type: OrganisationType | null;
  primary_area: string | null;
  size_class: SizeClass;
  region: string;
  /** First day of the submission month (UTC), for monthly aggregates. */
  submitted_month: ColumnType<Date, Date | string, Date | string>;
}

export type ServiceCategory = "test-before-invest" | "training" | "investment" | "networking";

export interface ServiceVersionsTable {
  id: Generated<number>;
  service_id: string;
  content_hash: string;
  category: ServiceCategory;
  name_sv: string;
  name_en: string;
  description_sv: string;
  description_en: string;
  contact_email: string | null;
  contact_url: string | null;
  created_at: Generated<Date>;
}

export interface ServicesTable {
  id: string;
  /** The current version of the service's content. */
  version_id: number;
  /** 1 (nice to have) .. 3 (most important when it applies). */
  priority: number;
  /** The rules that make the service relevant (app/lib/core/service-catalogue.ts validates them). */
  rules: JSONColumnType<unknown[], string, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Generated<Date>;
}

export interface RecommendationsTable {
  assessment_id: string;
  rank: number;
  service_version_id: number;
  /** The facts that triggered it (app/lib/core/recommendations.ts `Trigger`). */
  trigger: JSONColumnType<Record<string, unknown>, string, string>;
  weight: number;
}

export interface PeerMembersTable {
  /** The organisation: companies.peer_key. */
  member_key: string;
  company_id: string;
  definition_id: string;
  definition_major: number;
  assessment_id: string;
}

export interface PeerHistogramsTable {
  definition_id: string;
  definition_major: number;
  /** A peer group kind of app/lib/core/benchmark.ts (the migration's check lists them). */
  group_kind: string;
  /** The sector, organisation type, government area, size class or region; "" for everyone. */
  group_value: string;
  /** A dimension id, or "overall". */
  metric: string;
  bucket: number;
  count: number;
}

export interface PeerScoresTable {
  definition_id: string;
  definition_major: number;
  group_kind: string;
  group_value: string;
  metric: string;
  bucket: number;
  /** The exact score in millionths of a point. */
  score_key: number;
  count: number;
}

export type StaffRole = "adviser" | "hub_lead";
export type UserStatus = "active" | "disabled";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: StaffRole;
  /** A partner organisation id of the hub file. */
  partner_id: string | null;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  language: ColumnType<Language, Language | undefined, Language>;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_sign_in_at: NullableTimestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export type SessionStage = "second_factor" | "full";

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: string;
  stage: SessionStage;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export type OneTimeLinkPurpose = "invite" | "reset";

export interface OneTimeLinksTable {
  token_hash: string;
  user_id: string;
  purpose: OneTimeLinkPurpose;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface CompanyAssignmentsTable {
  company_id: string;
  user_id: string;
  assigned_at: Generated<Date>;
  assigned_by: string | null;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  at: Generated<Date>;
  email_key: string;
  ip: string;
  outcome: "pending" | "failed" | "succeeded";
}

/** A token bucket of a rate limit (migration 0009): tokens left at `updated_at`. */
export interface RateLimitBucketsTable {
  name: string;
  key: string;
  tokens: number;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  /** bigserial: read back as a string. */
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  companies: CompaniesTable;
  assessments: AssessmentsTable;
  assessment_scores: AssessmentScoresTable;
  service_versions: ServiceVersionsTable;
  services: ServicesTable;
  recommendations: RecommendationsTable;
  peer_members: PeerMembersTable;
  peer_histograms: PeerHistogramsTable;
  peer_scores: PeerScoresTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  one_time_links: OneTimeLinksTable;
  company_assignments: CompanyAssignmentsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  rate_limit_buckets: RateLimitBucketsTable;
}

export type Company = Selectable<CompaniesTable>;
export type NewCompany = Insertable<CompaniesTable>;
export type CompanyUpdate = Updateable<CompaniesTable>;
export type Assessment = Selectable<AssessmentsTable>;
export type NewAssessment = Insertable<AssessmentsTable>;
export type AssessmentScore = Selectable<AssessmentScoresTable>;
export type Timestamps = Timestamp;
export type ServiceVersion = Selectable<ServiceVersionsTable>;
export type NewServiceVersion = Insertable<ServiceVersionsTable>;
export type Recommendation = Selectable<RecommendationsTable>;
export type NewRecommendation = Insertable<RecommendationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;

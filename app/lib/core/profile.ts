import { z } from "zod";
import {
  CUSTOMER_TYPES,
  GOVERNMENT_AREAS,
  ORGANISATION_TYPES,
  PSO_SIZE_CLASSES,
  REGIONS,
  SECTORS,
  SIZE_CLASSES,
  type CustomerTypeId,
} from "./vocabularies";
import { normaliseSwedishOrgNumber } from "./org-number";
import { isReadableName } from "./input-checks";

/**
 * The profile that starts an assessment (module 1 of the EU DMA): a company's (SME) or a
 * public sector organisation's (PSO), told apart by `customerType` (absent = `sme`, as
 * before PSOs existed). Messages are translation keys under `profile.errors.*` (PSO-only
 * ones under `pso.profile.errors.*`), shown beside the fields in the visitor's language.
 * The same schemas serve the form and the JSON API.
 */
const text = (max: number) =>
  z
    .string({ required_error: "required", invalid_type_error: "required" })
    .trim()
    .max(max, "tooLong");

/** A name: at least 2 characters, and something readable (not only invisible ones). */
const name = (max: number) =>
  text(max).pipe(z.string().min(2, "required").refine(isReadableName, "required"));

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const choice = <T extends readonly [string, ...string[]]>(ids: T, message = "choose") =>
  z.enum(ids, { errorMap: () => ({ message }) });

const optionalChoice = <T extends readonly [string, ...string[]]>(ids: T) =>
  z
    .union([z.enum(ids), z.literal("")], { errorMap: () => ({ message: "choose" }) })
    .optional()
    .transform((v) => v || undefined);

/** The fields both kinds of profile have: where, who to contact, the two consents. */
const common = {
  orgNumber: text(40).pipe(z.string().min(1, "required")),
  region: choice(REGIONS),
  contactName: name(120),
  contactRole: text(120)
    .optional()
    .transform((v) => v || undefined),
  contactEmail: text(254).pipe(z.string().email("email")),
  consentAdvisers: checkbox,
  consentBenchmark: checkbox,
};

const SmeFieldsSchema = z.object({
  customerType: z.literal("sme").default("sme"),
  companyName: name(200),
  sizeClass: choice(SIZE_CLASSES),
  primarySector: choice(SECTORS),
  secondarySector: optionalChoice(SECTORS),
  ...common,
});

const PsoFieldsSchema = z.object({
  customerType: z.literal("pso"),
  organisationName: name(200),
  organisationType: choice(ORGANISATION_TYPES),
  // Staff size of a PSO has no micro class: Small starts at 0.
  sizeClass: choice(PSO_SIZE_CLASSES, "psoSizeClass"),
  primaryArea: choice(GOVERNMENT_AREAS),
  secondaryArea: optionalChoice(GOVERNMENT_AREAS),
  ...common,
});

export type SmeProfile = z.output<typeof SmeFieldsSchema>;
export type PsoProfile = z.output<typeof PsoFieldsSchema>;
/** A parsed profile: a company's or a public sector organisation's. */
export type CustomerProfile = SmeProfile | PsoProfile;

export type ProfileField =
  keyof z.input<typeof SmeFieldsSchema> | keyof z.input<typeof PsoFieldsSchema>;

/** Field → first problem (a translation key under `profile.errors`). */
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** The fields only the other customer type has: sent with this one, each is refused. */
const FOREIGN_FIELDS: Record<CustomerTypeId, readonly ProfileField[]> = {
  sme: ["organisationName", "organisationType", "primaryArea", "secondaryArea"],
  pso: ["companyName", "primarySector", "secondarySector"],
};

/** The customer type a profile input asks for: `sme` when absent, undefined when unknown. */
export function customerTypeOf(input: unknown): CustomerTypeId | undefined {
  const raw = isRecord(input) ? input.customerType : undefined;
  if (raw === undefined || raw === "") return "sme";
  return CUSTOMER_TYPES.find((type) => type === raw);
}

/**
 * Parses a profile from a form or JSON body: the profile, or the problem of each field.
 * A field of the other customer type (an SME sector on a PSO, say) is a problem of that
 * field, as is a PSO size class of `micro`.
 */
export function parseProfile(
  input: unknown,
): { ok: true; profile: CustomerProfile } | { ok: false; errors: ProfileErrors } {
  const raw = isRecord(input) ? input : {};
  const type = customerTypeOf(raw);
  if (!type) return { ok: false, errors: { customerType: "choose" } };
  const errors: ProfileErrors = {};
  for (const field of FOREIGN_FIELDS[type]) {
    if (raw[field] !== undefined && raw[field] !== "")
      errors[field] = type === "pso" ? "notForPso" : "notForSme";
  }
  const result = (type === "pso" ? PsoFieldsSchema : SmeFieldsSchema).safeParse(raw);
  if (result.success) {
    const checked = checkProfile(result.data, errors);
    return Object.keys(errors).length === 0 && checked
      ? { ok: true, profile: checked }
      : { ok: false, errors };
  }
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "customerType") as ProfileField;
    errors[field] ??= issue.message;
  }
  // The organisation number depends on the region; check it even when other fields fail,
  // so that every problem is reported at once.
  if (!errors.orgNumber && typeof raw.orgNumber === "string" && raw.orgNumber.trim() !== "") {
    const problem = orgNumberProblem(raw.orgNumber, raw.region === "outside-sweden");
    if (problem) errors.orgNumber = problem;
  }
  return { ok: false, errors };
}

/** The checks across fields; records problems in `errors`, returns the normalised profile. */
function checkProfile<P extends CustomerProfile>(profile: P, errors: ProfileErrors): P | undefined {
  const outside = profile.region === "outside-sweden";
  const problem = orgNumberProblem(profile.orgNumber, outside);
  if (problem) errors.orgNumber = problem;
  if (profile.customerType === "sme" && profile.secondarySector === profile.primarySector) {
    errors.secondarySector = "sameSector";
  }
  if (profile.customerType === "pso" && profile.secondaryArea === profile.primaryArea) {
    errors.secondaryArea = "sameArea";
  }
  if (Object.keys(errors).length > 0) return undefined;
  return {
    ...profile,
    orgNumber: outside ? profile.orgNumber : (normaliseSwedishOrgNumber(profile.orgNumber) ?? ""),
  };
}

/** Swedish: 10 digits with a Luhn check digit; elsewhere a VAT or company id. */
function orgNumberProblem(orgNumber: string, outsideSweden: boolean): string | undefined {
  if (outsideSweden) {
    return /^[A-Za-z0-9 .\-/]{2,40}$/.test(orgNumber.trim()) ? undefined : "vatId";
  }
  return normaliseSwedishOrgNumber(orgNumber) ? undefined : "orgNumber";
}

/** The profile's name, whichever customer type it is. */
export function profileName(profile: CustomerProfile): string {
  return profile.customerType === "pso" ? profile.organisationName : profile.companyName;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The fields in error in the order the profile form shows them (then any other, such as a
 * field of the other customer type that was posted): the order of the error summary.
 */
export function profileFieldsOf(type: CustomerTypeId, errors: ProfileErrors): ProfileField[] {
  const own: ProfileField[] =
    type === "pso"
      ? ["organisationName", "orgNumber", "organisationType", "sizeClass", "primaryArea"]
      : ["companyName", "orgNumber", "sizeClass", "primarySector"];
  const order: ProfileField[] = [
    ...own,
    type === "pso" ? "secondaryArea" : "secondarySector",
    "region",
    "contactName",
    "contactRole",
    "contactEmail",
  ];
  const rest = (Object.keys(errors) as ProfileField[]).filter((f) => !order.includes(f));
  return [...order, ...rest].filter((field) => errors[field] !== undefined);
}

import { z } from "zod";
import { REGIONS, SECTORS, SIZE_CLASSES } from "./vocabularies";
import { normaliseSwedishOrgNumber } from "./org-number";

/**
 * The company profile that starts an assessment (module 1 of the EU DMA). Messages are
 * translation keys under `profile.errors.*`, shown beside the fields in the visitor's
 * language. The same schema serves the form and the JSON API.
 */
const text = (max: number) =>
  z
    .string({ required_error: "required", invalid_type_error: "required" })
    .trim()
    .max(max, "tooLong");

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const ProfileSchema = z
  .object({
    companyName: text(200).pipe(z.string().min(2, "required")),
    orgNumber: text(40).pipe(z.string().min(1, "required")),
    sizeClass: z.enum(SIZE_CLASSES, { errorMap: () => ({ message: "choose" }) }),
    primarySector: z.enum(SECTORS, { errorMap: () => ({ message: "choose" }) }),
    secondarySector: z
      .union([z.enum(SECTORS), z.literal("")], { errorMap: () => ({ message: "choose" }) })
      .optional()
      .transform((v) => v || undefined),
    region: z.enum(REGIONS, { errorMap: () => ({ message: "choose" }) }),
    contactName: text(120).pipe(z.string().min(2, "required")),
    contactRole: text(120)
      .optional()
      .transform((v) => v || undefined),
    contactEmail: text(254).pipe(z.string().email("email")),
    consentAdvisers: checkbox,
    consentBenchmark: checkbox,
  })
  .transform((profile, ctx) => {
    let orgNumber = profile.orgNumber;
    if (profile.region !== "outside-sweden") {
      const normalised = normaliseSwedishOrgNumber(profile.orgNumber);
      if (!normalised) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["orgNumber"], message: "orgNumber" });
        return z.NEVER;
      }
      orgNumber = normalised;
    } else if (!/^[A-Za-z0-9 .\-/]{2,40}$/.test(orgNumber)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["orgNumber"], message: "vatId" });
      return z.NEVER;
    }
    if (profile.secondarySector === profile.primarySector) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["secondarySector"],
        message: "sameSector",
      });
      return z.NEVER;
    }
    return { ...profile, orgNumber };
  });

export type CompanyProfile = z.output<typeof ProfileSchema>;
export type ProfileField = keyof z.input<typeof ProfileSchema>;

/** Field → first problem (a translation key under `profile.errors`). */
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Parses a profile from a form or JSON body: the profile, or the problem of each field. */
export function parseProfile(
  input: unknown,
): { ok: true; profile: CompanyProfile } | { ok: false; errors: ProfileErrors } {
  const result = ProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  const errors: ProfileErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "companyName") as ProfileField;
    errors[field] ??= issue.message;
  }
  // The organisation number depends on the region, so its check runs after the fields
  // parse; report it together with the other problems rather than on a second try.
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  if (
    !errors.orgNumber &&
    typeof raw.orgNumber === "string" &&
    raw.orgNumber.trim() !== "" &&
    raw.region !== "outside-sweden" &&
    !normaliseSwedishOrgNumber(raw.orgNumber)
  ) {
    errors.orgNumber = "orgNumber";
  }
  return { ok: false, errors };
}

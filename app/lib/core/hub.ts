import { z } from "zod";
import { REGIONS } from "./vocabularies";

const LocalisedTextSchema = z.object({
  sv: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");

const PartnerSchema = z.object({ id: IdSchema, name: z.string().trim().min(1) });

/**
 * The hub's own configuration (db/hub/hub.json, or $HUB_DIR/hub.json): everything that
 * makes one deployment DigIT Hub Sweden's rather than another EDIH's. docs/hub.md
 * describes the format.
 */
export const HubConfigSchema = z
  .object({
    /** A short id, e.g. "digit-hub-sweden". */
    id: IdSchema,
    name: LocalisedTextSchema,
    contact: z.object({ email: z.string().email(), url: z.string().url() }),
    privacy: z.object({
      /** Who answers privacy questions, e.g. the data protection officer. */
      name: LocalisedTextSchema,
      email: z.string().email(),
    }),
    /** The hub's own regions (ids of the region vocabulary); every other region is "other". */
    regions: z.array(z.enum(REGIONS)).min(1),
    /** The partner organisations an adviser belongs to. */
    partners: z.array(PartnerSchema).min(1),
    staff: z.object({
      /** Which roles must use a second factor (TOTP) before they reach anything. */
      secondFactorRequiredFor: z.array(z.enum(["adviser", "hub_lead"])).default([]),
    }),
  })
  .strict()
  .superRefine((hub, ctx) => {
    const seen = new Set<string>();
    hub.partners.forEach((partner, index) => {
      if (seen.has(partner.id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["partners", index, "id"],
          message: `duplicate partner id "${partner.id}"`,
        });
      }
      seen.add(partner.id);
    });
  });

export type HubConfig = z.infer<typeof HubConfigSchema>;
export type Partner = HubConfig["partners"][number];

/** The name of a partner organisation, or undefined for an unknown id. */
export function partnerName(hub: HubConfig, partnerId: string | null): string | undefined {
  return hub.partners.find((p) => p.id === partnerId)?.name;
}

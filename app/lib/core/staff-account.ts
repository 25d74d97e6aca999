import { z } from "zod";
import { STAFF_ROLES } from "./staff-policy";

/**
 * The email, name, role and partner of a new account: the invitation form, the CLI and
 * the demo seed all parse with it. (Not in a .server module: route modules build their
 * form schemas from it at load time, in the browser too.)
 */
export const NewStaffSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(STAFF_ROLES),
  partnerId: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => v || null),
  language: z.enum(["sv", "en"]).default("sv"),
});
export type NewStaff = z.input<typeof NewStaffSchema>;

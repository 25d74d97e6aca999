import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LANGUAGES } from "../lib/core/vocabularies";
import { languageCookie } from "../lib/server/i18n.server";
import { env } from "../lib/server/env.server";
import { safeRedirect } from "../lib/http/safe-redirect";

const LanguageFormSchema = z.object({
  lng: z.enum(LANGUAGES),
  redirectTo: z.string().optional(),
});

/**
 * POST /language: keep the chosen language in a cookie (Secure in production) and go back
 * to the same page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    throw new Response("Unsupported language", { status: 400 });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: {
      "Set-Cookie": await languageCookie.serialize(parsed.data.lng, {
        secure: env().NODE_ENV === "production",
      }),
    },
  });
}

/** GET /language has nothing to show: send the visitor home. */
export function loader() {
  return redirect("/");
}

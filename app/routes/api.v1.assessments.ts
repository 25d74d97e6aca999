import type { ActionFunctionArgs } from "@remix-run/node";
import { apiRoute, assessmentLinks } from "../lib/http/api.server";
import { createAssessment } from "../lib/server/assessments.server";
import { toLanguage } from "../lib/core/language";
import { apiError, readJsonBody } from "../lib/http/json-body.server";
import { parseProfile } from "../lib/core/profile";

export const { loader, action } = apiRoute({ POST: create });

/**
 * POST /api/v1/assessments with `{"profile": {...}, "language": "sv"|"en"}`: creates the
 * company (or, with `"customerType": "pso"` in the profile, the public sector organisation)
 * and its T0 assessment of dma-sme (dma-pso) → `{token, links}` (the token is shown only here).
 */
async function create({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = (typeof body.value === "object" && body.value) || {};
  const parsed = parseProfile((input as { profile?: unknown }).profile ?? {});
  if (!parsed.ok) {
    return apiError(
      400,
      Object.entries(parsed.errors).map(([field, message]) => ({
        path: `profile.${field}`,
        message,
      })),
    );
  }
  const language = toLanguage((input as { language?: unknown }).language);
  // Counts against the address's limit only when it creates (a 429 otherwise: apiRoute).
  const { token } = await createAssessment(parsed.profile, language, undefined, {
    clientAddress: context.clientAddress,
  });
  return Response.json({ token, links: assessmentLinks(request, token) }, { status: 201 });
}

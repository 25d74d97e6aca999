import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiRoute } from "../lib/http/api.server";
import { saveAnswers } from "../lib/server/assessments.server";
import { apiError, readJsonBody } from "../lib/http/json-body.server";

const SaveAnswersSchema = z
  .object({
    answers: z.record(z.unknown()),
    currentPage: z.number().int().min(0).optional(),
  })
  .strict();

export const { loader, action } = apiRoute({ POST: saveFromJson, PATCH: saveFromJson });

/**
 * POST (or PATCH) /api/v1/assessments/:token/answers with `{"answers": {...},
 * "currentPage": n}`: merges the changed answers (`null` clears one). The questionnaire
 * page autosaves through this same action.
 */
async function saveFromJson({ request, params }: ActionFunctionArgs) {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = SaveAnswersSchema.safeParse(body.value);
  if (!parsed.success) {
    return apiError(
      400,
      parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })),
    );
  }
  const { savedAt } = await saveAnswers(params.token, parsed.data);
  return Response.json({ savedAt }, { headers: { "Cache-Control": "no-store" } });
}

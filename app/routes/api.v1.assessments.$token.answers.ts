import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiErrorFrom } from "../lib/http/api.server";
import { saveAnswers } from "../lib/server/assessments.server";
import { apiError, readJsonBody } from "../lib/http/json-body.server";

const SaveAnswersSchema = z
  .object({
    answers: z.record(z.unknown()),
    currentPage: z.number().int().min(0).optional(),
  })
  .strict();

/**
 * POST (or PATCH) /api/v1/assessments/:token/answers with `{"answers": {...},
 * "currentPage": n}`: merges the changed answers (`null` clears one). The questionnaire
 * page autosaves through this same action.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST" && request.method !== "PATCH") {
    return apiError(405, [{ path: "(method)", message: "use POST or PATCH" }]);
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = SaveAnswersSchema.safeParse(body.value);
  if (!parsed.success) {
    return apiError(
      400,
      parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })),
    );
  }
  try {
    const { savedAt } = await saveAnswers(params.token, parsed.data);
    return Response.json({ savedAt }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}

export function loader() {
  return apiError(405, [{ path: "(method)", message: "use POST or PATCH" }]);
}

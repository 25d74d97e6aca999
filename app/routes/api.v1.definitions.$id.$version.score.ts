import type { ActionFunctionArgs } from "@remix-run/node";
import { apiRoute } from "../lib/http/api.server";
import { getDefinitionRegistry } from "../lib/server/definitions.server";
import { apiError, readJsonBody } from "../lib/http/json-body.server";
import { scoreAnswers } from "../lib/core/scoring";

export const { loader, action } = apiRoute({ POST: score });

/**
 * POST /api/v1/definitions/:id/:version/score with `{"answers": {...}}`: scores the answers
 * with exactly that version. Stateless; every problem is listed in a 400.
 */
async function score({ params, request }: ActionFunctionArgs) {
  const entry = getDefinitionRegistry().get(params.id ?? "", params.version ?? "");
  if (!entry) {
    return apiError(404, [
      { path: "(url)", message: `no published definition ${params.id}@${params.version}` },
    ]);
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== "object" || body.value === null || !("answers" in body.value)) {
    return apiError(400, [{ path: "answers", message: "required: an object of answers" }]);
  }
  const result = scoreAnswers(entry.definition, body.value.answers);
  if (!result.ok) {
    return apiError(
      400,
      result.problems.map((p) => ({
        path: p.path === "(root)" ? "answers" : `answers.${p.path}`,
        message: p.message,
      })),
    );
  }
  const { dimensions, overall, band, questions } = result.value;
  return Response.json(
    {
      definition: { id: entry.id, version: entry.version, hash: entry.hash },
      dimensions,
      overall,
      band,
      questions,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

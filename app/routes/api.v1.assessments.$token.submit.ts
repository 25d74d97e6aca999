import type { ActionFunctionArgs } from "@remix-run/node";
import { apiRoute } from "../lib/http/api.server";
import { submitAssessment } from "../lib/server/assessments.server";

export const { loader, action } = apiRoute({ POST: submit });

/** POST /api/v1/assessments/:token/submit: scores on the server and submits; idempotent. */
async function submit({ params }: ActionFunctionArgs) {
  const result = await submitAssessment(params.token);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}

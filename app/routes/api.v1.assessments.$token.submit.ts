import type { ActionFunctionArgs } from "@remix-run/node";
import { apiErrorFrom } from "../lib/http/api.server";
import { submitAssessment } from "../lib/server/assessments.server";
import { apiError } from "../lib/http/json-body.server";

/** POST /api/v1/assessments/:token/submit: scores on the server and submits; idempotent. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return apiError(405, [{ path: "(method)", message: "use POST" }]);
  try {
    const result = await submitAssessment(params.token);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}

export function loader() {
  return apiError(405, [{ path: "(method)", message: "use POST" }]);
}

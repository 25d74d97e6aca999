import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiErrorFrom } from "../lib/api.server";
import { getResults } from "../lib/assessments.server";

/** GET /api/v1/assessments/:token/results: the stored scores and band (409 until submitted). */
export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const { assessment, entry, result } = await getResults(params.token);
    return Response.json(
      {
        definition: { id: entry.id, version: entry.version, hash: entry.hash },
        stage: assessment.stage,
        submittedAt: result.submittedAt,
        overall: result.overall,
        band: result.band,
        dimensions: result.dimensions,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return apiErrorFrom(error);
  }
}

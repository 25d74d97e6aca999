import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiErrorFrom } from "../lib/http/api.server";
import { openAssessment } from "../lib/server/assessments.server";

/** GET /api/v1/assessments/:token: the assessment's state and its saved answers. */
export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const { assessment, entry } = await openAssessment(params.token);
    return Response.json(
      {
        status: assessment.status,
        stage: assessment.stage,
        language: assessment.language,
        definition: { id: entry.id, version: entry.version, hash: entry.hash },
        currentPage: assessment.current_page,
        answers: assessment.answers,
        updatedAt: assessment.updated_at,
        submittedAt: assessment.submitted_at,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return apiErrorFrom(error);
  }
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute } from "../lib/http/api.server";
import { openAssessment } from "../lib/server/assessments.server";

export const { loader, action } = apiRoute({ GET: show });

/** GET /api/v1/assessments/:token: the assessment's state and its saved answers. */
async function show({ params }: LoaderFunctionArgs) {
  const { assessment, company, entry } = await openAssessment(params.token);
  return Response.json(
    {
      customerType: company.customer_type,
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
}

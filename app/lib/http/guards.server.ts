/**
 * Guards for page loaders and actions, as the Epic Stack's `requireUserId`: each returns
 * what the page needs or throws the response Remix sends instead (a 404, a redirect, a 4xx
 * with the service's message), so a route reads guard → parse → call → return, with no
 * try/catch. Staff guards (`requireStaff(request, role)`) belong here too. API routes use
 * `apiRoute` (api.server.ts), which answers the same failures in JSON.
 */
import { redirect } from "@remix-run/node";
import {
  AssessmentError,
  getResults,
  openAssessment,
  type OpenedAssessment,
} from "../server/assessments.server";

/**
 * The value of a service call, or the page response of its domain error, thrown: the
 * response `instead[status]` gives, else the status with the problems as text (the error
 * page shows it; a 404 shows the not-found page).
 */
export async function orPageError<T>(
  call: Promise<T>,
  instead: Partial<Record<AssessmentError["status"], () => Response>> = {},
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof AssessmentError)) throw error;
    throw (
      instead[error.status]?.() ??
      new Response(error.problems.map((p) => p.message).join("; "), { status: error.status })
    );
  }
}

/**
 * The in-progress assessment of a private link. Throws a 404 for an unknown or malformed
 * link, and a redirect to the results when it is submitted.
 */
export async function requireOpenAssessment(token: string | undefined): Promise<OpenedAssessment> {
  const opened = await orPageError(openAssessment(token));
  if (opened.assessment.status === "submitted") throw redirect(`/a/${token}/results`);
  return opened;
}

/**
 * The results of a submitted assessment (scores, peers, recommendations). Throws a 404 for
 * an unknown or malformed link, and a redirect to the questionnaire while it is in progress.
 */
export function requireSubmittedAssessment(
  token: string | undefined,
): ReturnType<typeof getResults> {
  return orPageError(getResults(token), { 409: () => redirect(`/a/${token}`) });
}

/**
 * Guards for page loaders and actions, as the Epic Stack's `requireUserId`: each returns
 * what the page needs or throws the response Remix sends instead (a 404, a redirect, a 4xx
 * with the service's message), so a route reads guard → parse → call → return, with no
 * try/catch. The staff area's guards (`requireStaff`, `requireHubPermission`,
 * `requireCompanyPermission`) and its session cookie and CSRF check are below. API routes use
 * `apiRoute` (api.server.ts), which answers the same failures in JSON.
 */
import { createCookie, redirect } from "@remix-run/node";
import {
  AssessmentError,
  getResults,
  openAssessment,
  type OpenedAssessment,
} from "../server/assessments.server";
import { assignedAdviserIds, isUuid } from "../../../db/queries/staff";
import {
  can,
  type Actor,
  type CompanyAction,
  type HubAction,
  type StaffRole,
} from "../core/staff-policy";
import { database } from "../server/db.server";
import { env } from "../server/env.server";
import { getHubConfig } from "../server/hub.server";
import { readSession, SESSION_ABSOLUTE_SECONDS } from "../server/sessions.server";
import type { SessionWithUser } from "../../../db/queries/staff";
import { safeRedirect } from "./safe-redirect";

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

// ---- The staff area ----

/**
 * The staff session cookie: an opaque random token (the database keeps its hash),
 * httpOnly, SameSite=Lax, Secure in production. Its name carries the hub's id, so two
 * hubs' deployments on one domain never read each other's cookie.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie(`mognad_staff_${getHubConfig().id.replace(/-/g, "_")}`, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
  return cookie;
}

/** The Set-Cookie header that hands the browser a session token. */
export async function sessionCookieHeader(token: string): Promise<string> {
  return sessionCookie().serialize(token);
}

/** The Set-Cookie header that removes the session cookie. */
export async function clearSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** The token in the request's cookie, if any (unchecked). */
export async function sessionToken(request: Request): Promise<unknown> {
  return sessionCookie().parse(request.headers.get("Cookie"));
}

/** The session of the request (any stage), or undefined. */
export async function getStaffSession(request: Request): Promise<SessionWithUser | undefined> {
  return readSession(await sessionToken(request));
}

/** The actor of a session's user. */
export function actorOf(session: SessionWithUser): Actor {
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partner_id,
  };
}

/** The signed-in staff member (fully signed in), or undefined; never throws. */
export async function getStaff(request: Request): Promise<Actor | undefined> {
  const session = await getStaffSession(request);
  return session?.stage === "full" ? actorOf(session) : undefined;
}

/**
 * Refuses a state-changing request from another site: its Origin (or, without one, its
 * Sec-Fetch-Site) must be this server. SameSite=Lax already keeps the cookie off
 * cross-site posts; this is the second lock. A request with neither header does not come
 * from a browser, so it carries no victim's cookie.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("Origin");
  const host = request.headers.get("Host") ?? new URL(request.url).host;
  if (origin !== null) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host) throw crossSite();
    return;
  }
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null && site !== "same-origin" && site !== "none") throw crossSite();
}

function crossSite(): Response {
  return new Response("Cross-site form posts are refused.", { status: 403 });
}

/** The sign-in page, coming back to this request's page afterwards. */
function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = request.method === "GET" ? url.pathname + url.search : "/hub";
  const query = back === "/hub" ? "" : `?redirectTo=${encodeURIComponent(back)}`;
  return redirect(`/hub/login${query}`);
}

/** Whether the hub file requires a second factor of this actor that they have not set up. */
function mustSetUpSecondFactor(session: SessionWithUser): boolean {
  const required = getHubConfig().staff.secondFactorRequiredFor as readonly StaffRole[];
  return required.includes(session.user.role) && session.user.totp_enabled_at === null;
}

export const SECOND_FACTOR_SETUP_PATH = "/hub/account/second-factor";

/**
 * The signed-in staff member, or a thrown response: a redirect to the sign-in page when
 * nobody is signed in (or the session expired, or the account was disabled); 403 for a
 * cross-site post or a role other than `role`; a redirect to the second-factor set-up
 * when the hub file requires one of this role and it is not set up yet.
 */
export async function requireStaff(
  request: Request,
  role?: StaffRole,
  options: { allowWithoutRequiredSecondFactor?: boolean } = {},
): Promise<Actor> {
  assertSameOrigin(request);
  const session = await getStaffSession(request);
  if (!session || session.stage !== "full") throw signInRedirect(request);
  if (!options.allowWithoutRequiredSecondFactor && mustSetUpSecondFactor(session)) {
    throw redirect(SECOND_FACTOR_SETUP_PATH);
  }
  const actor = actorOf(session);
  if (role && actor.role !== role) throw forbidden();
  return actor;
}

/** Like `requireStaff`, and also returns the session (for sign-out and the account page). */
export async function requireStaffSession(
  request: Request,
  options: { allowWithoutRequiredSecondFactor?: boolean } = {},
): Promise<{ actor: Actor; session: SessionWithUser }> {
  const actor = await requireStaff(request, undefined, options);
  const session = (await getStaffSession(request))!;
  return { actor, session };
}

/** The signed-in staff member if the policy allows them `action` on the hub; else 403. */
export async function requireHubPermission(request: Request, action: HubAction): Promise<Actor> {
  const actor = await requireStaff(request);
  if (!can(actor, action, { kind: "hub" })) throw forbidden();
  return actor;
}

/**
 * Checks `action` on a company for `actor`: 404 when the actor may not even see the
 * company (it does not exist, is not assigned to them, or did not consent), so a URL tells
 * nothing; 403 when they may see it but not do this.
 */
export async function requireCompanyPermission(
  actor: Actor,
  companyId: string,
  action: CompanyAction,
): Promise<void> {
  const { db } = database();
  const company = isUuid(companyId)
    ? await db
        .selectFrom("companies")
        .select(["id", "consent_advisers_at"])
        .where("id", "=", companyId)
        .executeTakeFirst()
    : undefined;
  if (!company) throw notFound();
  const resource = {
    kind: "company" as const,
    id: company.id,
    consentAdvisers: company.consent_advisers_at !== null,
    assignedAdviserIds: await assignedAdviserIds(db, company.id),
  };
  if (!can(actor, "company.view", resource)) throw notFound();
  if (!can(actor, action, resource)) throw forbidden();
}

/** Where to go after signing in: a path of this site, else the staff home. */
export function staffRedirect(to: unknown): string {
  const target = safeRedirect(to, "/hub");
  return target.startsWith("/hub") ? target : "/hub";
}

function forbidden(): Response {
  return new Response("You do not have permission to do this.", { status: 403 });
}

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import {
  assertSameOrigin,
  clearSessionCookieHeader,
  getStaffSession,
} from "../lib/http/guards.server";
import { signOut } from "../lib/server/sign-out.server";

/**
 * POST /hub/logout: ends this session, or with `everywhere=1` every session of the
 * account; then the sign-in page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const session = await getStaffSession(request);
  if (session) {
    await signOut(session, form.get("everywhere") === "1", context.clientAddress);
  }
  return redirect("/hub/login", {
    headers: { "Set-Cookie": await clearSessionCookieHeader() },
  });
}

/** GET /hub/logout shows nothing: signing out is a form post. */
export function loader() {
  return redirect("/hub");
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";

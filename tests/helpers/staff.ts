import { createStaffAccount } from "../../app/lib/server/staff.server";
import { sessionCookieHeader } from "../../app/lib/http/guards.server";
import { signIn } from "../../app/lib/server/sign-in.server";
import type { StaffRole } from "../../app/lib/core/staff-policy";

export const TEST_PASSWORD = "a long test passphrase 42";
export const ORIGIN = "http://localhost";

/** Creates an active staff account with TEST_PASSWORD; returns it. */
export async function createTestStaff(
  email: string,
  role: StaffRole,
  partnerId: string | null = null,
) {
  const { user } = await createStaffAccount(
    { email, name: email.split("@")[0], role, partnerId: partnerId ?? undefined },
    { actor: null, ip: null },
    { password: TEST_PASSWORD },
  );
  return user;
}

/** Signs in (password only) and returns the Cookie header a browser would send. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await signIn({ email, password }, { ip: "127.0.0.9", userAgent: "test" });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return (await sessionCookieHeader(result.token)).split(";")[0];
}

/** A request as a browser would send it from this site (same Origin). */
export function staffRequest(
  path: string,
  options: {
    cookie?: string;
    method?: string;
    form?: Record<string, string>;
    origin?: string | null;
  } = {},
): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  const method = options.method ?? (options.form ? "POST" : "GET");
  if (method !== "GET" && options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.form ? new URLSearchParams(options.form) : undefined,
  });
}

/** The outcome of a loader or action: status, redirect location and data, thrown or returned. */
export async function outcome(
  call: () => Promise<unknown>,
): Promise<{ status: number; location?: string; data?: unknown; headers?: Headers }> {
  const read = (value: unknown) => {
    if (value instanceof Response) {
      return {
        status: value.status,
        location: value.headers.get("Location") ?? undefined,
        headers: value.headers,
      };
    }
    if (value && typeof value === "object" && "init" in value && "data" in value) {
      const init = (value as { init?: { status?: number; headers?: HeadersInit } }).init;
      return {
        status: init?.status ?? 200,
        data: (value as { data: unknown }).data,
        headers: new Headers(init?.headers),
      };
    }
    return { status: 200, data: value };
  };
  try {
    return read(await call());
  } catch (thrown) {
    if (thrown instanceof Response) return read(thrown);
    throw thrown;
  }
}

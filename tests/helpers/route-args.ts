import type { AppLoadContext } from "@remix-run/node";

/** The arguments Remix passes a loader or action, for calling route modules directly. */
export function routeArgs(
  request: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
) {
  return {
    request,
    params,
    context: { cspNonce: "", clientAddress: "127.0.0.1", ...context },
  };
}

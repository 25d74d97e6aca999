import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute } from "../lib/http/api.server";
import { getDefinitionRegistry } from "../lib/server/definitions.server";
import { apiError } from "../lib/http/json-body.server";

export const { loader, action } = apiRoute({ GET: showFile });

/**
 * GET /api/v1/definitions/:id/:version: the published file, byte for byte, immutable.
 * `latest` redirects to the highest published version.
 */
function showFile({ params, request }: LoaderFunctionArgs) {
  const registry = getDefinitionRegistry();
  const id = params.id ?? "";
  if (params.version === "latest") {
    const latest = registry.latest(id);
    if (!latest) return notFound(id, "latest");
    return redirect(`/api/v1/definitions/${id}/${latest.version}`, {
      headers: { "Cache-Control": "no-cache" },
    });
  }
  const entry = registry.get(id, params.version ?? "");
  if (!entry) return notFound(id, params.version ?? "");
  const etag = `"${entry.hash}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Content-Type": "application/json; charset=utf-8",
  };
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(entry.raw, { headers });
}

function notFound(id: string, version: string): Response {
  return apiError(404, [{ path: "(url)", message: `no published definition ${id}@${version}` }]);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireHubPermission } from "../lib/http/guards.server";
import { audit } from "../lib/server/audit.server";
import { downloadResponse, exportFile, parseExportQuery } from "../lib/server/exports.server";

/**
 * GET /hub/exports/download?kind=&format=&sep=&lang=&<the dashboard's filters>: a streamed
 * CSV or XLSX export (hub leads), audit-logged before the first byte.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireHubPermission(request, "export.run");
  const wanted = parseExportQuery(new URL(request.url));
  const file = exportFile(wanted);
  await audit({
    actor,
    action: "export.downloaded",
    details: { kind: wanted.kind, format: wanted.format, filter: wanted.filter },
    ip: context.clientAddress,
  });
  return downloadResponse(file);
}

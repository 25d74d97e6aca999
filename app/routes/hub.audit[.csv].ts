import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireHubPermission } from "../lib/http/guards.server";
import { audit } from "../lib/server/audit.server";
import { auditCsv, parseAuditQuery } from "../lib/server/audit-log.server";

/** GET /hub/audit.csv: the filtered audit log as a streamed CSV download (hub leads). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireHubPermission(request, "audit.view");
  const query = parseAuditQuery(new URL(request.url));
  const filter = { person: query.person, action: query.action, from: query.from, to: query.to };
  await audit({ actor, action: "audit.exported", details: { filter }, ip: context.clientAddress });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditCsv(query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { audit } from "../lib/server/audit.server";
import { exportCompanyData } from "../lib/server/company-privacy.server";
import { jsonDownload } from "../lib/http/downloads.server";

/** GET /hub/companies/:id/export.json: everything about the company, notes included (hub leads). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.export");
  const body = await exportCompanyData(companyId, { withNotes: true });
  await audit({
    actor,
    action: "company.exported",
    target: { type: "company", id: companyId },
    details: { withNotes: true },
    ip: context.clientAddress,
  });
  return jsonDownload(body, `organisation-${companyId}.json`);
}

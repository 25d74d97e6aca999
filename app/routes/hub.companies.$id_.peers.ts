import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { setPeerConfirmation } from "../lib/server/peer-confirmation.server";

const PeerConfirmationFormSchema = z.object({ intent: z.enum(["confirm", "unconfirm"]) });

/**
 * POST /hub/companies/:id/peers: a hub lead or the company's adviser confirms it as a
 * genuine customer, so that it counts in peer statistics, or withdraws that; back to the
 * company page, which says what happened. 404 for a company the actor may not see.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.peers.confirm");
  const form = await request.formData().catch(() => undefined);
  const parsed = PeerConfirmationFormSchema.safeParse(form ? Object.fromEntries(form) : {});
  if (!parsed.success)
    throw new Response("Bad form: intent must be confirm or unconfirm", { status: 400 });
  const { intent } = parsed.data;
  await setPeerConfirmation(companyId, intent === "confirm", { actor, ip: context.clientAddress });
  return redirect(`/hub/companies/${companyId}?peers=${intent}`);
}

/** Nothing to show here: the state is on the company page. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

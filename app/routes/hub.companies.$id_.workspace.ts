import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import {
  DeliveredServiceFormSchema,
  EditNoteSchema,
  fieldErrors,
  NewNoteSchema,
  type WorkspaceReply,
} from "../lib/core/adviser-forms";
import type { CompanyAction } from "../lib/core/staff-policy";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import {
  addNote,
  editNote,
  issueFollowUp,
  recordDeliveredService,
  removeDeliveredService,
  WorkspaceError,
} from "../lib/server/company-workspace.server";

const INTENT_PERMISSION: Record<string, CompanyAction> = {
  "note.add": "company.note.write",
  "note.edit": "company.note.write",
  "service.record": "company.service.record",
  "service.remove": "company.service.record",
  "followup.issue": "company.followup.issue",
};

const RemoveSchema = z.object({ deliveredServiceId: z.string().uuid() });
const FollowUpSchema = z.object({ definitionId: z.enum(["dma-sme", "dma-pso"]) });

function refused(intent: string, errors: Record<string, string>, status = 400) {
  return data({ intent, ok: false, errors } satisfies WorkspaceReply, { status });
}

/**
 * The company page's forms (notes, delivered services, follow-ups), posted with a fetcher;
 * each is checked against the policy (404 for a company the actor may not see), validated
 * with zod, and answers the errors by field in the user's language's keys.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? "");
  const permission = INTENT_PERMISSION[intent];
  await requireCompanyPermission(actor, companyId, permission ?? "company.view");
  if (!permission) return refused(intent, { form: "unknownAction" });
  const by = { actor, ip: context.clientAddress };
  try {
    switch (intent) {
      case "note.add": {
        const parsed = NewNoteSchema.safeParse(form);
        if (!parsed.success) return refused(intent, fieldErrors(parsed.error));
        await addNote(companyId, parsed.data.body, by);
        return { intent, ok: true } satisfies WorkspaceReply;
      }
      case "note.edit": {
        const parsed = EditNoteSchema.safeParse(form);
        if (!parsed.success) return refused(intent, fieldErrors(parsed.error));
        await editNote(companyId, parsed.data, by);
        return { intent, ok: true } satisfies WorkspaceReply;
      }
      case "service.record": {
        const parsed = DeliveredServiceFormSchema.safeParse(form);
        if (!parsed.success) return refused(intent, fieldErrors(parsed.error));
        await recordDeliveredService(companyId, parsed.data, by);
        return { intent, ok: true } satisfies WorkspaceReply;
      }
      case "service.remove": {
        const parsed = RemoveSchema.safeParse(form);
        if (!parsed.success) return refused(intent, { form: "unknownService" });
        await removeDeliveredService(companyId, parsed.data.deliveredServiceId, by);
        return { intent, ok: true } satisfies WorkspaceReply;
      }
      default: {
        const parsed = FollowUpSchema.safeParse(form);
        if (!parsed.success) return refused(intent, { form: "noFollowUp" });
        const origin = new URL(request.url).origin;
        const followUp = await issueFollowUp(companyId, parsed.data.definitionId, origin, by);
        return { intent, ok: true, followUp } satisfies WorkspaceReply;
      }
    }
  } catch (error) {
    if (error instanceof WorkspaceError) {
      return refused(intent, { [error.field]: error.code }, error.status);
    }
    throw error;
  }
}

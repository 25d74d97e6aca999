import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ServiceEditor } from "../components/service-editor";
import { requireHubPermission } from "../lib/http/guards.server";
import { editorAction, editorData, type EditorReply } from "../lib/server/catalogue-page.server";

/** One service of the catalogue: edit it, preview its rules, deactivate or reactivate it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHubPermission(request, "catalogue.manage");
  return editorData(request, params.id ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireHubPermission(request, "catalogue.manage");
  return editorAction(request, { actor, ip: context.clientAddress }, params.id ?? "");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function EditService() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Partial<EditorReply> | undefined;
  return (
    <ServiceEditor
      {...loaded}
      values={reply?.values ?? loaded.values}
      errors={reply?.errors ?? {}}
      preview={reply?.preview ?? loaded.preview}
      refusal={reply?.refusal}
      saved={reply ? null : loaded.saved}
      reply={reply}
    />
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireHubPermission } from "../lib/http/guards.server";
import { editorAction, editorData } from "../lib/server/catalogue-page.server";

/** A new service for the catalogue: the editor of /hub/services/:id, empty. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "catalogue.manage");
  return editorData(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireHubPermission(request, "catalogue.manage");
  return editorAction(request, { actor, ip: context.clientAddress });
}

export { default, meta, ErrorBoundary } from "./hub.services.$id";

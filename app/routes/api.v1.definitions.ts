import { apiRoute } from "../lib/http/api.server";
import { getDefinitionRegistry } from "../lib/server/definitions.server";

export const { loader, action } = apiRoute({ GET: list });

/** GET /api/v1/definitions: every definition id with its published versions and the latest. */
function list() {
  const definitions = getDefinitionRegistry()
    .list()
    .map(({ id, versions, latest }) => ({
      id,
      versions,
      latest: latest.version,
      title: latest.definition.title,
    }));
  return Response.json({ definitions }, { headers: { "Cache-Control": "no-cache" } });
}

import { getDefinitionRegistry } from "../lib/server/definitions.server";

/** GET /api/v1/definitions: every definition id with its published versions and the latest. */
export function loader() {
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

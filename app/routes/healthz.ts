import { checkDatabaseHealth } from "../lib/server/db.server";

/** GET /healthz: liveness with the database kind and status; 503 when the database is down. */
export async function loader() {
  const database = await checkDatabaseHealth();
  const ok = database.status === "up";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

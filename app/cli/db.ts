/**
 * `npm run db:migrate` and `npm run db:seed`: the same migration registry and seed as
 * the server, against the configured database (DATABASE_URL, else PGLITE_DATA_DIR).
 */
import { closeDatabase, openDatabase } from "../lib/server/db.server";
import { seedDemoData } from "../lib/server/demo-seed.server";
import { startupErrorLine } from "../lib/server/startup-error.server";

const USAGE = "usage: tsx app/cli/db.ts migrate|seed";

async function main(command: string | undefined): Promise<void> {
  if (command !== "migrate" && command !== "seed") throw new Error(USAGE);
  const { kind } = await openDatabase(); // Migrates to the latest version.
  if (command === "migrate") {
    console.log(`Database (${kind}) is at the latest migration.`);
    return;
  }
  const count = await seedDemoData();
  console.log(
    `Seeded ${count} demo organisations (companies and public sector organisations) into the ${kind} database.`,
  );
}

main(process.argv[2])
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    await closeDatabase().catch(() => undefined);
    console.error(startupErrorLine(error));
    process.exit(1);
  });

/**
 * `npm run definitions:check`: validates every survey definition and holds published ones to
 * definitions.lock.json. `npm run definitions:check -- --write` also records newly published
 * versions in the lock (it never rewrites a locked hash).
 */
import {
  DefinitionsError,
  loadDefinitionRegistry,
  lockPublishedDefinitions,
} from "../lib/server/definitions.server";
import { env } from "../lib/server/env.server";

function main(args: string[]): void {
  const unknown = args.filter((arg) => arg !== "--write");
  if (unknown.length > 0) {
    throw new Error(`usage: definitions-check [--write] (not ${unknown.join(" ")})`);
  }
  const dir = env().DEFINITIONS_DIR;
  const added = args.includes("--write") ? lockPublishedDefinitions(dir) : [];
  for (const entry of loadDefinitionRegistry(dir).entries()) {
    const locked = added.includes(`${entry.id}@${entry.version}`) ? " (newly locked)" : "";
    console.log(`OK ${entry.file} ${entry.definition.status} ${entry.hash}${locked}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof DefinitionsError ? error.message : String(error));
  process.exit(1);
}

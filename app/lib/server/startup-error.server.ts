import { DatabaseConfigError } from "../../../db/database";
import { DefinitionsError } from "./definitions.server";
import { EnvError } from "./env.server";
import { HubConfigError } from "./hub.server";
import { CatalogueError } from "./services.server";

/**
 * One line (or one line per bad variable) for a start-up failure, without a stack trace
 * for the failures a person can fix by changing configuration.
 */
export function startupErrorLine(error: unknown): string {
  if (
    error instanceof EnvError ||
    error instanceof DatabaseConfigError ||
    error instanceof DefinitionsError ||
    error instanceof CatalogueError ||
    error instanceof HubConfigError
  ) {
    return `Mognad cannot start: ${error.message}`;
  }
  if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
    return `Mognad cannot start: PORT: the port is already in use`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Mognad cannot start: ${message}`;
}

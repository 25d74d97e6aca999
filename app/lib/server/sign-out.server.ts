import type { SessionWithUser } from "../../../db/queries/staff";
import { audit } from "./audit.server";
import { endSession, endUserSessions } from "./sessions.server";

/** Ends this session, or every session of the account; audit-logged. */
export async function signOut(
  session: SessionWithUser,
  everywhere: boolean,
  ip: string | null,
): Promise<void> {
  const actor = { id: session.user.id, email: session.user.email };
  if (everywhere) {
    const ended = await endUserSessions(session.user.id);
    await audit({ actor, action: "sign_out.everywhere", details: { sessions: ended }, ip });
  } else {
    await endSession(session.sessionId);
    await audit({ actor, action: "sign_out", ip });
  }
}

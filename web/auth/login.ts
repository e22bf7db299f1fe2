// Opening a session after a proof of identity (password, or a link that set one).
import type { Context } from 'hono';
import type { Db } from '../../db/connection.ts';
import type { User } from '../../db/database.ts';
import { createSession, invalidateSession } from '../../db/queries/sessions.ts';
import type { AppEnv } from '../env.ts';
import { CHANGE_PASSWORD_PATH } from '../middleware/session.ts';
import { setSessionCookie } from './cookie.ts';

/** A new session each time, so that a cookie planted before login never becomes a session. */
export async function startSession(
  c: Context<AppEnv>,
  deps: { db: Db; now: () => Date; secure: boolean },
  user: User,
  returnPath: string | null,
): Promise<Response> {
  const previous = c.get('session');
  if (previous) await invalidateSession(deps.db, previous.id);
  const now = deps.now();
  const { token, session } = await createSession(deps.db, user.id, now);
  setSessionCookie(c, token, { expiresAt: session.expiresAt, now }, deps.secure);
  if (user.must_change_password) return c.redirect(CHANGE_PASSWORD_PATH, 303);
  const home = user.role === 'parent' ? '/mon-compte' : '/agent';
  return c.redirect(returnPath ?? home, 303);
}

// Opening a session after a proof of identity (password, or a link that set one).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../../db/connection.ts';
import type { User } from '../../db/database.ts';
import { mayOpenSession } from '../../db/queries/accounts/account-status.ts';
import { createSession, invalidateSession } from '../../db/queries/accounts/sessions.ts';
import type { AppEnv } from '../http/env.ts';
import { CHANGE_PASSWORD_PATH } from '../middleware/session.ts';
import { setSessionCookie } from './cookie.ts';

/** A new session each time, so that a cookie planted before login never becomes a session. */
export async function startSession(
  c: Context<AppEnv>,
  deps: { db: Db; now: () => Date; secure: boolean },
  user: User,
  returnPath: string | null,
): Promise<Response> {
  // The routes say why before coming here; this is the lock behind them.
  if (!(await mayOpenSession(deps.db, user.id))) throw new HTTPException(403);
  const previous = c.get('session');
  if (previous) await invalidateSession(deps.db, previous.id);
  const now = deps.now();
  const { token, session } = await createSession(deps.db, user.id, now);
  setSessionCookie(c, token, { expiresAt: session.expiresAt, now }, deps.secure);
  if (user.must_change_password) return c.redirect(CHANGE_PASSWORD_PATH, 303);
  const home = user.role === 'parent' ? '/mon-compte' : '/agent';
  return c.redirect(returnPath ?? home, 303);
}

/** What signing in says to whoever knows the password of a closed account. */
export function closedAccountMessage(user: Pick<User, 'status' | 'status_reason'>): string {
  if (user.status_reason) return `Ce compte est fermé. ${user.status_reason}`;
  if (user.status === 'suspended') return 'Ce compte est désactivé. Adressez-vous à votre mairie.';
  return 'Ce compte est fermé : l’effacement de ses données est en cours.';
}

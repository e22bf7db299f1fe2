// Sessions after Lucia's guide (lucia-auth.com, built on @oslojs): the cookie holds
// "<id>.<secret>", the table the id and the secret's SHA-256; a session ends after two hours
// without activity and each request extends it (written at most once a minute), and in any case
// twelve hours after the login, so that a stolen cookie kept alive by a script dies too.
import { hashToken, randomToken, tokenMatches } from '../../../lib/tokens.ts';
import type { Db } from '../../connection.ts';
import type { User } from '../../database.ts';
import { accountClosed } from './account-status.ts';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const RENEWAL_STEP_MS = 60 * 1000;

export interface Session {
  id: string;
  userId: number;
  expiresAt: Date;
}

export interface ValidatedSession {
  session: Session;
  user: User;
  /** True when the expiry moved: the cookie must be sent again. */
  renewed: boolean;
}

export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; session: Session }> {
  const id = randomToken(15);
  const secret = randomToken(20);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.insertInto('sessions').values({ id, secret_hash: hashToken(secret), user_id: userId, expires_at: expiresAt, created_at: now }).execute();
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<ValidatedSession | null> {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.secret_hash', 'sessions.expires_at', 'sessions.created_at as session_created_at', accountClosed.as('account_closed')])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || !tokenMatches(secret, row.secret_hash)) return null;
  const lastMoment = row.session_created_at.getTime() + SESSION_ABSOLUTE_MS;
  // A session outlives no closing of its account, whichever path closed it.
  if (row.account_closed || row.expires_at.getTime() <= now.getTime() || lastMoment <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const { session_id: _sessionId, secret_hash: _secretHash, expires_at: expiresAt, session_created_at: _createdAt, account_closed: _closed, ...user } = row;
  let expires = expiresAt;
  let renewed = false;
  const renewal = Math.min(now.getTime() + SESSION_IDLE_MS, lastMoment);
  if (renewal - expires.getTime() >= RENEWAL_STEP_MS) {
    expires = new Date(renewal);
    await db.updateTable('sessions').set({ expires_at: expires }).where('id', '=', id).execute();
    renewed = true;
  }
  return { session: { id, userId: user.id, expiresAt: expires }, user, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, but the one given (a password change keeps the current one). */
export async function invalidateUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

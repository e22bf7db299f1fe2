// What a single-use link does once used: each in one transaction with the token it consumes, so a
// link works once and its effect is never half done.
import type { Db } from '../../connection.ts';
import type { User } from '../../database.ts';
import { mayOpenSession } from './account-status.ts';
import { consumeToken } from './one-time-tokens.ts';
import { invalidateUserSessions } from './sessions.ts';
import { createParent, findUser, setPassword } from './users.ts';

/** The sign-up link: the account, created from the form; null when the link is spent or the address taken. */
export async function completeSignup(db: Db, token: string, parent: Omit<Parameters<typeof createParent>[1], 'now'>, now: Date): Promise<User | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, ['signup'], token, now))) return null;
    return createParent(trx, { ...parent, now }).catch(() => null);
  });
}

/** A reset or invitation link: the new password, every session ended; the user, or undefined when the link is spent or the account closed. */
export async function resetPassword(db: Db, token: string, userId: number, password: string, now: Date): Promise<User | undefined> {
  const used = await db.transaction().execute(async (trx) => {
    // Locked so that a disabling committed meanwhile is seen: a closed account sets no password.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!(await mayOpenSession(trx, userId))) return false;
    if (!(await consumeToken(trx, ['password-reset', 'invitation'], token, now))) return false;
    await setPassword(trx, userId, password, now);
    await invalidateUserSessions(trx, userId);
    return true;
  });
  return used ? findUser(db, userId) : undefined;
}

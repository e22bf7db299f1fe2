// Whether an account may hold a session: asked where sessions start (a password, a reset or
// invitation link) and each time one is validated, so that closing an account shuts every door.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/**
 * True for a row of `users` whose account is closed: disabled by an admin, erased, or a family
 * whose erasure is under way (from the request on, before the workflow closes the account).
 */
export const accountClosed = sql<boolean>`(users.status in ('suspended', 'erased') or exists (select 1 from erasure_requests where erasure_requests.user_id = users.id))`;

/** Whether the account may open a session now. */
export async function mayOpenSession(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select(accountClosed.as('closed')).where('users.id', '=', userId).executeTakeFirst();
  return row !== undefined && !row.closed;
}

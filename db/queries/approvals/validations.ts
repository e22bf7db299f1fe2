// The staff's validation queue: parent accounts waiting in their communes, one account to review.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/** Pending parent accounts of these communes, oldest first, with how many documents each has. */
export function pendingAccounts(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('communes', 'communes.id', 'users.commune_id')
    .select((eb) => [
      'users.id', 'users.email', 'users.first_name', 'users.last_name', 'users.created_at', 'communes.name as commune',
      eb.selectFrom('documents').select(sql<number>`count(*)`.as('n')).whereRef('documents.owner_id', '=', 'users.id').where('documents.kind', '<>', 'pai').as('documents'),
    ])
    .where('users.role', '=', 'parent')
    .where('users.status', '=', 'pending')
    .where('users.commune_id', 'in', communeIds)
    .orderBy('users.created_at')
    .execute();
}

/** A parent account as the review page shows it. */
export function parentAccount(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('communes', 'communes.id', 'users.commune_id')
    .select(['users.id', 'users.email', 'users.first_name', 'users.last_name', 'users.phone', 'users.status', 'users.status_reason', 'users.created_at', 'users.commune_id', 'communes.name as commune'])
    .where('users.id', '=', userId)
    .where('users.role', '=', 'parent')
    .executeTakeFirst();
}

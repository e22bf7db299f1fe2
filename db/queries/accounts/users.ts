// Accounts: look-ups by e-mail (case-insensitive, like the unique index), creation, passwords.
import { sql } from 'kysely';
import { hashPassword } from '../../../lib/password-hash.ts';
import type { Db } from '../../connection.ts';
import type { User } from '../../database.ts';
import { revokePasswordLinks } from './one-time-tokens.ts';

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUser(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createParent(
  db: Db,
  input: { email: string; firstName: string; lastName: string; phone: string; communeId: number; password: string; now: Date },
): Promise<User> {
  return db
    .insertInto('users')
    .values({
      email: input.email.trim(),
      first_name: input.firstName,
      last_name: input.lastName,
      phone: input.phone,
      commune_id: input.communeId,
      password_hash: await hashPassword(input.password),
      password_changed_at: input.now,
      role: 'parent',
      status: 'pending',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a new password and lifts the "must change" flag. */
/** The new password; every outstanding link that could set another is spent. */
export async function setPassword(db: Db, userId: number, password: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: false, password_changed_at: now })
    .where('id', '=', userId)
    .execute();
  await revokePasswordLinks(db, userId, now);
}

/** The communes by slug and name, for choosing some. */
export function communeSlugs(db: Db) {
  return db.selectFrom('communes').select(['slug', 'name']).orderBy('name').execute();
}

export function communeOptions(db: Db) {
  return db.selectFrom('communes').select(['id', 'name']).orderBy('name').execute();
}

/** The communes a staff member serves; every commune for an admin. */
export async function staffCommuneIds(db: Db, user: Pick<User, 'id' | 'role'>): Promise<number[]> {
  if (user.role === 'admin') return (await db.selectFrom('communes').select('id').execute()).map((row) => row.id);
  if (user.role !== 'staff') return [];
  const rows = await db.selectFrom('staff_communes').select('commune_id').where('user_id', '=', user.id).execute();
  return rows.map((row) => row.commune_id);
}

/** A commune's name by its id (null when there is none). */
export async function communeName(db: Db, communeId: number): Promise<string | null> {
  return (await db.selectFrom('communes').select('name').where('id', '=', communeId).executeTakeFirst())?.name ?? null;
}

/** What the family says of itself on « Mes informations personnelles ». */
export async function updateIdentity(db: Db, userId: number, fields: Pick<User, 'first_name' | 'last_name' | 'phone'>): Promise<void> {
  await db.updateTable('users').set(fields).where('id', '=', userId).execute();
}

/**
 * Throws the unique violation `users_email_key` when the address is someone else's. The address
 * left is kept, so that an erasure finds the mail sent to it.
 */
export async function changeEmail(db: Db, userId: number, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('email').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (before.email.toLowerCase() !== email.toLowerCase()) {
      await trx.insertInto('former_emails').values({ user_id: userId, email: before.email.toLowerCase() }).onConflict((oc) => oc.constraint('former_emails_pkey').doNothing()).execute();
    }
    await trx.updateTable('users').set({ email }).where('id', '=', userId).execute();
  });
}

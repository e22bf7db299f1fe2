// Accounts for route tests: parents and staff created straight in the database, and logging in
// through the real login form to get a session cookie.
import type { Hono } from 'hono';
import { hashPassword } from '../../lib/password-hash.ts';
import type { Db } from '../../db/connection.ts';
import type { AccountStatus, User } from '../../db/database.ts';
import type { AppEnv } from '../../web/http/env.ts';
import { postForm } from './app.ts';
import { sql } from 'kysely';
import { testNow } from './clock.ts';

export const PASSWORD = 'Velay-Rosieres-2026';

async function communeId(db: Db, slug: string): Promise<number> {
  const existing = await db.selectFrom('communes').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) return existing.id;
  const name = slug.charAt(0).toUpperCase() + slug.slice(1);
  return (await db.insertInto('communes').values({ slug, name, mairie_label: `Mairie de ${name}`, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function createParent(
  db: Db,
  email: string,
  options: { commune?: string; status?: AccountStatus; mustChange?: boolean; password?: string | null } = {},
): Promise<User> {
  const password = options.password === undefined ? PASSWORD : options.password;
  const user = await db
    .insertInto('users')
    .values({
      email,
      first_name: email.split('@')[0]!,
      last_name: 'Test',
      phone: '06 12 34 56 78',
      role: 'parent',
      status: options.status ?? 'pending',
      commune_id: await communeId(db, options.commune ?? 'rosieres'),
      password_hash: password ? await hashPassword(password) : null,
      must_change_password: options.mustChange ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Created on the tests' clock, which pages count an account's age from (the database's now() is the machine's).
  const { rows } = await sql<User>`update users set created_at = ${testNow()} where id = ${user.id} returning *`.execute(db);
  return rows[0]!;
}

export async function createStaff(db: Db, email: string, communes: string[], role: 'staff' | 'admin' = 'staff'): Promise<User> {
  const user = await db
    .insertInto('users')
    .values({ email, first_name: 'Agent', last_name: 'Test', role, status: 'validated', password_hash: await hashPassword(PASSWORD) })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const slug of communes) await db.insertInto('staff_communes').values({ user_id: user.id, commune_id: await communeId(db, slug) }).execute();
  return user;
}

/** The `session=…` pair of a response's Set-Cookie, or null. */
export function sessionCookie(response: Response): string | null {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('session='));
  if (!header) return null;
  const pair = header.split(';')[0]!;
  return pair === 'session=' ? null : pair;
}

export async function login(app: Hono<AppEnv>, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<string> {
  const response = await postForm(app, '/connexion', { email, password }, headers);
  const cookie = sessionCookie(response);
  if (response.status !== 303 || !cookie) throw new Error(`login failed for ${email}: ${response.status}`);
  return cookie;
}

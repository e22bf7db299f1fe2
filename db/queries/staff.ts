// Staff accounts: created by an administrator's command, bound to their communes, activated by
// a one-time link where the agent chooses a password.
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { issueToken, revokePasswordLinks } from './one-time-tokens.ts';
import { invalidateUserSessions } from './sessions.ts';
import { findUserByEmail } from './users.ts';

export class UnknownCommuneError extends Error {}

export async function createStaffAccount(
  db: Db,
  input: { email: string; communes: string[]; admin: boolean; now: Date },
): Promise<{ email: string; communes: string[]; token: string }> {
  return db.transaction().execute(async (trx) => {
    const communes = [];
    for (const wanted of input.communes) {
      const commune = await trx
        .selectFrom('communes')
        .select(['id', 'name'])
        .where((eb) => eb.or([eb('slug', '=', wanted.toLowerCase()), eb(sql`lower(name)`, '=', wanted.toLowerCase())]))
        .executeTakeFirst();
      if (!commune) throw new UnknownCommuneError(`Commune inconnue : ${wanted}`);
      communes.push(commune);
    }
    const existing = await findUserByEmail(trx, input.email);
    const role = input.admin ? 'admin' : 'staff';
    const user =
      existing ??
      (await trx.insertInto('users').values({ email: input.email.trim(), role, status: 'validated', must_change_password: false }).returningAll().executeTakeFirstOrThrow());
    if (existing) {
      // The account changes hands' worth: whoever knew its password or held a session or a link
      // keeps none of them; the invitation below is the only way in.
      await trx.updateTable('users').set({ role, status: 'validated', password_hash: null, must_change_password: false }).where('id', '=', existing.id).execute();
      await invalidateUserSessions(trx, existing.id);
      await revokePasswordLinks(trx, existing.id, input.now);
    }
    if (communes.length > 0) {
      await trx
        .insertInto('staff_communes')
        .values(communes.map((commune) => ({ user_id: user.id, commune_id: commune.id })))
        .onConflict((oc) => oc.constraint('staff_communes_pkey').doNothing())
        .execute();
    }
    const { token } = await issueToken(trx, { purpose: 'invitation', email: user.email, userId: user.id, now: input.now });
    return { email: user.email, communes: communes.map((commune) => commune.name), token };
  });
}

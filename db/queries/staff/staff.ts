// Staff accounts: created by an administrator's command, bound to their communes, activated by
// a one-time link where the agent chooses a password.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { issueToken, revokePasswordLinks } from '../accounts/index.ts';
import { invalidateUserSessions } from '../accounts/index.ts';
import { recordAudit } from './audit.ts';
import { findUserByEmail } from '../accounts/index.ts';

export class UnknownCommuneError extends Error {}

export async function createStaffAccount(
  db: Db,
  /** `invitedBy`: the administrator who invited from the interface; null from the command line. */
  input: { email: string; communes: string[]; admin: boolean; now: Date; invitedBy?: number | null },
): Promise<{ id: number; email: string; communes: string[]; token: string }> {
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
    await recordAudit(trx, { actorId: input.invitedBy ?? null, action: 'staff.invited', subject: { type: 'user', id: user.id }, details: { admin: input.admin, communes: communes.map((commune) => commune.name) } });
    return { id: user.id, email: user.email, communes: communes.map((commune) => commune.name), token };
  });
}

/** The agent used their invitation link (once: its token is the key). */
export async function recordInvitationAccepted(db: Db, input: { userId: number; tokenId: number }): Promise<void> {
  await recordAudit(db, { actorId: input.userId, action: 'staff.invitation-accepted', subject: { type: 'user', id: input.userId }, details: {}, idempotencyKey: `invitation-accepted-${input.tokenId}` });
}

/** Every staff and admin account, with its communes, for the administrators' page. */
export async function staffAccounts(db: Db) {
  const rows = await db
    .selectFrom('users')
    .leftJoin('staff_communes', 'staff_communes.user_id', 'users.id')
    .leftJoin('communes', 'communes.id', 'staff_communes.commune_id')
    .select(['users.id', 'users.email', 'users.first_name', 'users.last_name', 'users.role', 'users.status', 'users.password_hash', 'communes.name as commune'])
    .where('users.role', 'in', ['staff', 'admin'])
    .orderBy('users.email')
    .execute();
  const accounts = new Map<number, { id: number; email: string; name: string; role: string; active: boolean; invited: boolean; communes: string[] }>();
  for (const row of rows) {
    const account = accounts.get(row.id) ?? {
      id: row.id, email: row.email, name: [row.first_name, row.last_name].filter(Boolean).join(' '), role: row.role, active: row.status !== 'suspended', invited: row.password_hash === null, communes: [],
    };
    if (row.commune) account.communes.push(row.commune);
    accounts.set(row.id, account);
  }
  return [...accounts.values()];
}

/**
 * Disables or enables a staff account; disabling ends its sessions and spends its outstanding
 * reset and invitation links. False when it is not staff, or is the admin themself.
 */
export async function setStaffActive(db: Db, input: { userId: number; active: boolean; adminId: number; now: Date }): Promise<boolean> {
  if (input.userId === input.adminId) return false;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ status: input.active ? 'validated' : 'suspended' })
      .where('id', '=', input.userId)
      .where('role', 'in', ['staff', 'admin'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    if (!input.active) {
      await invalidateUserSessions(trx, input.userId);
      await revokePasswordLinks(trx, input.userId, input.now);
    }
    await recordAudit(trx, { actorId: input.adminId, action: input.active ? 'staff.enabled' : 'staff.disabled', subject: { type: 'user', id: input.userId }, details: {} });
    return true;
  });
}

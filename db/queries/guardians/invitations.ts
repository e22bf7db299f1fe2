// Invitations of the other parent: a single-use link mailed by a guardian; the invitee accepts from
// their own account and becomes the child's second guardian. Only the token's hash is stored.
import { hashToken, randomToken } from '../../../lib/tokens.ts';
import type { Db } from '../../connection.ts';

export const INVITATION_DAYS = 7;

/** A pending invitation of the child's, as its guardians see it. */
export function pendingInvitation(db: Db, dependantId: number, now: Date) {
  return db
    .selectFrom('guardian_invitations')
    .select(['id', 'email', 'created_at', 'expires_at', 'invited_by'])
    .where('dependant_id', '=', dependantId)
    .where('state', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export type InviteRefusal = 'shared-already' | 'own-address';

/** A new invitation (replacing a pending one) and its token, for the mail only. */
export async function inviteGuardian(
  db: Db,
  input: { dependantId: number; userId: number; userEmail: string; email: string; now: Date },
): Promise<{ ok: true; token: string; id: number } | { ok: false; refusal: InviteRefusal }> {
  const email = input.email.trim().toLowerCase();
  if (email === input.userEmail.toLowerCase()) return { ok: false, refusal: 'own-address' };
  return db.transaction().execute(async (trx) => {
    const child = await trx.selectFrom('dependants').select(['co_guardian_id']).where('id', '=', input.dependantId).forUpdate().executeTakeFirstOrThrow();
    if (child.co_guardian_id !== null) return { ok: false as const, refusal: 'shared-already' as const };
    await trx.updateTable('guardian_invitations').set({ state: 'cancelled', ended_at: input.now }).where('dependant_id', '=', input.dependantId).where('state', '=', 'pending').execute();
    const token = randomToken();
    const { id } = await trx
      .insertInto('guardian_invitations')
      .values({
        dependant_id: input.dependantId,
        invited_by: input.userId,
        email,
        token_hash: hashToken(token),
        created_at: input.now,
        expires_at: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('child_file_changes').values({ dependant_id: input.dependantId, section: 'guardians', summary: `Invitation de l’autre parent envoyée à ${email}.`, changed_by: input.userId, changed_at: input.now }).execute();
    return { ok: true as const, token, id };
  });
}

export async function cancelInvitation(db: Db, input: { dependantId: number; userId: number; now: Date }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('guardian_invitations')
      .set({ state: 'cancelled', ended_at: input.now })
      .where('dependant_id', '=', input.dependantId)
      .where('state', '=', 'pending')
      .returning('id')
      .execute();
    if (rows.length === 0) return false;
    await trx.insertInto('child_file_changes').values({ dependant_id: input.dependantId, section: 'guardians', summary: 'Invitation de l’autre parent annulée.', changed_by: input.userId, changed_at: input.now }).execute();
    return true;
  });
}

/** What a link shows before the invitee answers: the child's first name and who invites. */
export async function invitationBehind(db: Db, token: string, now: Date) {
  if (token.length === 0 || token.length > 64) return undefined;
  return db
    .selectFrom('guardian_invitations')
    .innerJoin('dependants', 'dependants.id', 'guardian_invitations.dependant_id')
    .innerJoin('users', 'users.id', 'guardian_invitations.invited_by')
    .select(['guardian_invitations.id', 'guardian_invitations.email', 'dependants.first_name as child', 'users.first_name as inviterFirst', 'users.last_name as inviterLast'])
    .where('guardian_invitations.token_hash', '=', hashToken(token))
    .where('guardian_invitations.state', '=', 'pending')
    .where('guardian_invitations.expires_at', '>', now)
    .where('dependants.removed_at', 'is', null)
    .executeTakeFirst();
}

export type AnswerRefusal = 'invalid' | 'own' | 'staff' | 'other-address' | 'shared-already';

/**
 * The invitee's answer. Accepted, they become the child's second guardian: never the one who
 * invited, never staff, never a third guardian, and only from the account of the address invited
 * (a forwarded link would open the child's file to whoever holds it); the link serves once either way.
 */
export async function answerInvitation(
  db: Db,
  input: { token: string; userId: number; accept: boolean; now: Date },
): Promise<{ ok: true; dependantId: number } | { ok: false; refusal: AnswerRefusal }> {
  if (input.token.length === 0 || input.token.length > 64) return { ok: false, refusal: 'invalid' };
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('guardian_invitations')
      .select(['id', 'dependant_id', 'invited_by', 'email', 'expires_at'])
      .where('token_hash', '=', hashToken(input.token))
      .where('state', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) return { ok: false as const, refusal: 'invalid' as const };
    if (invitation.expires_at <= input.now) {
      await trx.updateTable('guardian_invitations').set({ state: 'expired', ended_at: input.now }).where('id', '=', invitation.id).execute();
      return { ok: false as const, refusal: 'invalid' as const };
    }
    const user = await trx.selectFrom('users').select(['role', 'email']).where('id', '=', input.userId).executeTakeFirstOrThrow();
    if (user.role !== 'parent') return { ok: false as const, refusal: 'staff' as const };
    const child = await trx.selectFrom('dependants').select(['id', 'guardian_id', 'co_guardian_id', 'removed_at']).where('id', '=', invitation.dependant_id).forUpdate().executeTakeFirstOrThrow();
    if (child.removed_at !== null) return { ok: false as const, refusal: 'invalid' as const };
    if (invitation.invited_by === input.userId || child.guardian_id === input.userId || child.co_guardian_id === input.userId) return { ok: false as const, refusal: 'own' as const };
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) return { ok: false as const, refusal: 'other-address' as const };
    if (!input.accept) {
      await trx.updateTable('guardian_invitations').set({ state: 'declined', ended_at: input.now }).where('id', '=', invitation.id).execute();
      await trx.insertInto('child_file_changes').values({ dependant_id: child.id, section: 'guardians', summary: 'Invitation de l’autre parent refusée.', changed_by: input.userId, changed_at: input.now }).execute();
      return { ok: true as const, dependantId: child.id };
    }
    if (child.co_guardian_id !== null) return { ok: false as const, refusal: 'shared-already' as const };
    await trx.updateTable('dependants').set({ co_guardian_id: input.userId }).where('id', '=', child.id).execute();
    await trx.updateTable('guardian_invitations').set({ state: 'accepted', accepted_by: input.userId, ended_at: input.now }).where('id', '=', invitation.id).execute();
    await trx.insertInto('child_file_changes').values({ dependant_id: child.id, section: 'guardians', summary: 'Invitation acceptée : l’autre parent suit désormais le dossier.', changed_by: input.userId, changed_at: input.now }).execute();
    return { ok: true as const, dependantId: child.id };
  });
}

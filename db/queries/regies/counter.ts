// Money received at the town hall's counter (cash, a cheque, CESU, chèques vacances), credited to
// a family's wallet through the one door for money, so that the journal's receipt and the wallet's
// entry are written together. The form's one-time token keys the movement: sent twice, it moves
// the money once.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { METHOD_LABELS, type CounterMethod } from '../../../domain/regies.ts';
import { accountClosed } from '../accounts/index.ts';
import { moveMoney } from '../wallet/index.ts';
import { recordAudit } from '../staff/index.ts';

export interface CounterFamily {
  id: number;
  name: string;
  email: string;
  commune: string | null;
}

/**
 * The families the staff member may record for at this régie's counter: those of the régie's
 * communes that are also theirs (all of the régie's for an administrator, `staffCommuneIds` null),
 * found by name, a child's name or e-mail. A closed account is left out: money credited to a
 * family whose erasure is under way would stay on an account about to be erased.
 */
export async function counterFamilies(db: Db, input: { regieId: number; staffCommuneIds: number[] | null; text: string; familyId?: number }): Promise<CounterFamily[]> {
  const pattern = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('users')
    .innerJoin('regie_communes', (join) => join.onRef('regie_communes.commune_id', '=', 'users.commune_id').on('regie_communes.regie_id', '=', input.regieId))
    .innerJoin('communes', 'communes.id', 'users.commune_id')
    .select(['users.id', 'users.email', 'communes.name as commune', sql<string>`coalesce(nullif(concat_ws(' ', users.last_name, users.first_name), ''), users.email)`.as('name')])
    .where('users.role', '=', 'parent')
    .where(sql<boolean>`not ${accountClosed}`)
    .$if(input.staffCommuneIds !== null, (q) => q.where('users.commune_id', 'in', input.staffCommuneIds!.length > 0 ? input.staffCommuneIds! : [-1]))
    .$if(input.familyId !== undefined, (q) => q.where('users.id', '=', input.familyId!))
    .$if(input.text.length > 0, (q) =>
      q.where((eb) =>
        eb.or([
          eb(sql`users.first_name || ' ' || users.last_name`, 'ilike', pattern),
          eb(sql`users.last_name || ' ' || users.first_name`, 'ilike', pattern),
          eb('users.email', 'ilike', pattern),
          eb.exists(eb.selectFrom('dependants').select('dependants.id').where((inner) => inner.or([inner('dependants.guardian_id', '=', inner.ref('users.id')), inner('dependants.co_guardian_id', '=', inner.ref('users.id'))])).where(sql`dependants.first_name || ' ' || dependants.last_name`, 'ilike', pattern)),
        ]),
      ),
    )
    .orderBy('users.last_name')
    .orderBy('users.first_name')
    .orderBy('users.id')
    .limit(100)
    .execute();
  return rows;
}

export interface CounterPayment {
  regieId: number;
  staffId: number;
  userId: number;
  amountCents: number;
  method: CounterMethod;
  documentNumber: string | null;
  formToken: string;
  at: Date;
}

export type CounterOutcome = { outcome: 'applied'; entryId: number | null } | { outcome: 'replayed'; entryId: number | null; recordedCents: number };

/**
 * Credits the wallet and journals the receipt; the receipt's journal entry, or 'replayed' when the
 * form was sent before, with the amount then recorded (a form sent again may carry another one).
 */
export async function recordCounterPayment(db: Db, payment: CounterPayment): Promise<CounterOutcome> {
  // The form's token alone: the same form posted again under another régie's address moves nothing either.
  const idempotencyKey = `counter-${payment.formToken}`;
  const entryOf = async () => (await db.selectFrom('journal_entries').select('id').where('idempotency_key', '=', `${idempotencyKey}/journal`).executeTakeFirst())?.id ?? null;
  const replayed = async (): Promise<CounterOutcome | null> => {
    const first = await db.selectFrom('wallet_entries').select('amount_cents').where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    return first ? { outcome: 'replayed', entryId: await entryOf(), recordedCents: first.amount_cents } : null;
  };
  const before = await replayed();
  if (before) return before;
  const label = `${METHOD_LABELS[payment.method]} reçu au guichet${payment.documentNumber ? ` (n° ${payment.documentNumber})` : ''}`;
  try {
    const moved = await db.transaction().execute(async (trx) => {
      const result = await moveMoney(trx, {
        userId: payment.userId, amountCents: payment.amountCents, kind: 'topup', label, idempotencyKey, createdBy: payment.staffId, at: payment.at,
        journal: { to: 'family', kind: 'top-up', method: payment.method, regieId: payment.regieId, documentNumber: payment.documentNumber },
      });
      if (result.applied) {
        await recordAudit(trx, {
          actorId: payment.staffId, action: 'regie.counter-payment', subject: { type: 'user', id: payment.userId },
          details: { cents: payment.amountCents, method: payment.method, document: payment.documentNumber, regie: payment.regieId },
        });
      }
      return result;
    });
    if (!moved.applied) return (await replayed())!;
    return { outcome: 'applied', entryId: await entryOf() };
  } catch (error) {
    // The same token sent twice at once with another amount: the first one counts.
    if (error instanceof Error && error.message.startsWith(`idempotency key ${idempotencyKey}`)) return (await replayed())!;
    throw error;
  }
}

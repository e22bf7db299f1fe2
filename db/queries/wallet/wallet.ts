// Moving money in and out of a family's wallet. Each movement is one ledger entry and the balance
// change, in one transaction; the entry's key makes a retry a no-op, the balance's CHECK makes an
// overdraft impossible even when two payments race.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { recordAudit } from '../staff/index.ts';
import { journalWalletMovement, type JournalledMovement, type WalletJournal } from '../regies/index.ts';
import type { WalletEntryKind } from '../../database.ts';

export class InsufficientFunds extends Error {
  constructor(readonly balanceCents: number, readonly requestedCents: number) {
    super(`Solde insuffisant : ${balanceCents} centimes pour ${requestedCents}`);
  }
}

/**
 * A movement and what it is to the régies, whose journal entries are written with it: a payment or
 * a refund names what it pays or refunds; a top-up or an adjustment is the family's régie's, by
 * card unless it says otherwise.
 */
export type WalletMovement = JournalledMovement & (
  | { kind: Extract<WalletEntryKind, 'payment' | 'refund'>; journal: WalletJournal }
  | { kind: Extract<WalletEntryKind, 'topup' | 'adjustment'>; journal?: WalletJournal }
);

function journalOf(movement: WalletMovement): WalletJournal {
  if (movement.journal) return movement.journal;
  return movement.kind === 'topup' ? { to: 'family', kind: 'top-up', method: 'card' } : { to: 'family', kind: 'adjustment' };
}

export interface MovementResult {
  entryId: number;
  balanceCents: number;
  /** False when the key had already moved the money: nothing was done this time. */
  applied: boolean;
}

export async function moveMoney(db: Db, movement: WalletMovement): Promise<MovementResult> {
  if (!Number.isSafeInteger(movement.amountCents) || movement.amountCents === 0) throw new RangeError(`Montant invalide : ${movement.amountCents}`);
  // Inside the caller's transaction when there is one (a cancellation refunds with its change).
  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? work(db) : db.transaction().execute(work));
  try {
    return await inTransaction(async (trx) => {
      await trx.insertInto('wallet_accounts').values({ user_id: movement.userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
      const entry = await trx
        .insertInto('wallet_entries')
        .values({
          user_id: movement.userId,
          amount_cents: movement.amountCents,
          kind: movement.kind,
          label: movement.label,
          idempotency_key: movement.idempotencyKey,
          created_by: movement.createdBy ?? null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!entry) {
        const existing = await trx.selectFrom('wallet_entries').select(['id', 'user_id', 'amount_cents']).where('idempotency_key', '=', movement.idempotencyKey).executeTakeFirstOrThrow();
        if (existing.user_id !== movement.userId || existing.amount_cents !== movement.amountCents) {
          throw new Error(`idempotency key ${movement.idempotencyKey} already used for another movement`);
        }
        return { entryId: existing.id, balanceCents: await balance(trx, movement.userId), applied: false };
      }
      const account = await trx
        .updateTable('wallet_accounts')
        .set((eb) => ({ balance_cents: eb('balance_cents', '+', movement.amountCents), updated_at: sql`now()` }))
        .where('user_id', '=', movement.userId)
        .returning('balance_cents')
        .executeTakeFirstOrThrow();
      await journalWalletMovement(trx, movement, entry.id, journalOf(movement));
      return { entryId: entry.id, balanceCents: account.balance_cents, applied: true };
    });
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).code === '23514') {
      throw new InsufficientFunds(await balance(db, movement.userId), -movement.amountCents);
    }
    throw error;
  }
}

export async function balance(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('wallet_accounts').select('balance_cents').where('user_id', '=', userId).executeTakeFirst();
  return row?.balance_cents ?? 0;
}

export function walletHistory(db: Db, userId: number, limit = 100) {
  return db
    .selectFrom('wallet_entries')
    .select(['id', 'amount_cents', 'kind', 'label', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Families whose balance differs from the sum of their entries (always none). */
export async function ledgerMismatches(db: Db): Promise<{ user_id: number; balance_cents: number; ledger_cents: number }[]> {
  const { rows } = await sql<{ user_id: number; balance_cents: number; ledger_cents: number }>`
    select a.user_id, a.balance_cents, coalesce(sum(e.amount_cents), 0)::int as ledger_cents
    from wallet_accounts a left join wallet_entries e on e.user_id = a.user_id
    group by a.user_id, a.balance_cents
    having a.balance_cents <> coalesce(sum(e.amount_cents), 0)`.execute(db);
  return rows;
}

/**
 * Staff adjust a family's wallet with a reason, audited; throws InsufficientFunds below zero. The
 * one-time token the form was issued with keys the movement: the same form sent again (a double
 * click, a replayed request) moves nothing and answers 'replayed'.
 */
export async function adjustWallet(db: Db, input: { staffId: number; userId: number; amountCents: number; reason: string; formToken: string }): Promise<'applied' | 'replayed'> {
  const idempotencyKey = `adjustment-${input.userId}-${input.formToken}`;
  if (await db.selectFrom('wallet_entries').select('id').where('idempotency_key', '=', idempotencyKey).executeTakeFirst()) return 'replayed';
  try {
    // Its own transaction: a debit below zero aborts it before InsufficientFunds reads the balance.
    const moved = await moveMoney(db, { userId: input.userId, amountCents: input.amountCents, kind: 'adjustment', label: `Ajustement par la mairie : ${input.reason}`, idempotencyKey, createdBy: input.staffId, journal: { to: 'family', kind: 'adjustment' } });
    if (!moved.applied) return 'replayed';
  } catch (error) {
    // The same token sent twice at once with another amount: the first one counts.
    if (error instanceof Error && error.message.startsWith(`idempotency key ${idempotencyKey}`)) return 'replayed';
    throw error;
  }
  await recordAudit(db, { actorId: input.staffId, action: 'wallet.adjustment', subject: { type: 'user', id: input.userId }, details: { cents: input.amountCents, reason: input.reason } });
  return 'applied';
}

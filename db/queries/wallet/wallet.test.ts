import { describe, expect, it } from 'vitest';
import { createParent } from '../../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { balance, InsufficientFunds, ledgerMismatches, moveMoney, walletHistory } from './wallet.ts';

const database = useTestDatabase();

describe('wallet', () => {
  it('credits and debits, with a ledger whose sum is the balance', async () => {
    const user = await createParent(database.db, 'wallet@example.fr');
    await moveMoney(database.db, { userId: user.id, amountCents: 2000, kind: 'topup', label: 'Recharge par carte', idempotencyKey: 'topup-1/credit' });
    const paid = await moveMoney(database.db, { userId: user.id, amountCents: -790, kind: 'adjustment', label: 'Commande 2026-000001', idempotencyKey: 'order-1/wallet' });
    expect(paid).toMatchObject({ balanceCents: 1210, applied: true });
    expect((await walletHistory(database.db, user.id)).map((e) => e.amount_cents)).toEqual([-790, 2000]);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('moves money once per key, however often a step is retried', async () => {
    const user = await createParent(database.db, 'retry@example.fr');
    await moveMoney(database.db, { userId: user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: 'topup-2/credit' });
    const again = await moveMoney(database.db, { userId: user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: 'topup-2/credit' });
    expect(again).toMatchObject({ balanceCents: 1000, applied: false });
    await expect(moveMoney(database.db, { userId: user.id, amountCents: 5, kind: 'topup', label: 'x', idempotencyKey: 'topup-2/credit' })).rejects.toThrow(/already used/);
    expect(await balance(database.db, user.id)).toBe(1000);
  });

  it('never goes below zero, even when 20 payments race for one balance', async () => {
    const user = await createParent(database.db, 'race@example.fr');
    await moveMoney(database.db, { userId: user.id, amountCents: 5000, kind: 'topup', label: 'Recharge', idempotencyKey: 'topup-3/credit' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => moveMoney(database.db, { userId: user.id, amountCents: -790, kind: 'adjustment', label: `Commande ${i}`, idempotencyKey: `order-race-${i}/wallet` })),
    );
    const paid = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(paid).toHaveLength(6);
    expect(refused).toHaveLength(14);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientFunds)).toBe(true);
    expect(await balance(database.db, user.id)).toBe(5000 - 6 * 790);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });
});

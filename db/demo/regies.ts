// The demo's régies: each commune's agent is the régisseur of its commune's régie, with PES codes
// to try the month's file, and two
// families paid at the counter (a cheque at Rosières, cash at Bains), so that the journal, the
// receipts and the treasury chart show something from the first start.
import { sql } from 'kysely';
import { systemClock } from '../../lib/clock.ts';
import type { Db } from '../connection.ts';
import { moveMoney } from '../queries/wallet/index.ts';
import { METHOD_LABELS } from '../../domain/regies.ts';
import { demoAccounts } from './data.ts';

const counterPayments = [
  { family: 'famille.girard@citoyens.localhost', agent: 'agent.rosieres@citoyens.localhost', amountCents: 3000, method: 'cheque', documentNumber: '0004512' },
  { family: 'famille.roux@citoyens.localhost', agent: 'agent.bains@citoyens.localhost', amountCents: 1500, method: 'cash', documentNumber: null },
] as const;

const userId = async (db: Db, email: string) => (await db.selectFrom('users').select('id').where(sql`lower(email)`, '=', email).executeTakeFirst())?.id ?? null;

const communeRegie = async (db: Db, userId: number) =>
  (await db.selectFrom('staff_communes').innerJoin('regie_communes', 'regie_communes.commune_id', 'staff_communes.commune_id').select('regie_communes.regie_id').where('staff_communes.user_id', '=', userId).orderBy('regie_communes.regie_id').executeTakeFirst())?.regie_id ?? null;

/** Idempotent: a re-run adds no member and no payment. */
export async function loadDemoRegies(db: Db): Promise<void> {
  for (const account of demoAccounts.filter((a) => a.role === 'staff')) {
    const agent = await userId(db, account.email);
    const regie = agent === null ? null : await communeRegie(db, agent);
    if (agent === null || regie === null) continue;
    await db.insertInto('regie_members').values({ regie_id: regie, user_id: agent, role: 'regisseur' }).onConflict((oc) => oc.constraint('regie_members_pkey').doNothing()).execute();
    // Made-up PES codes (a Trésor post, a SIRET that belongs to no one), so that the month's file can be tried.
    await db
      .updateTable('regies')
      .set({ pes_id_post: '043000', pes_id_coll: `2143${String(regie % 1_000_000).padStart(6, '0')}0001`, pes_cod_col: '186', pes_cod_bud: '01' })
      .where('id', '=', regie)
      .where('pes_id_post', 'is', null)
      .execute();
  }
  for (const payment of counterPayments) {
    const [family, agent] = [await userId(db, payment.family), await userId(db, payment.agent)];
    const regie = agent === null ? null : await communeRegie(db, agent);
    if (family === null || agent === null || regie === null) continue;
    // As the counter's form writes it (db/queries/regies/counter.ts), through the one door for money.
    await moveMoney(db, {
      userId: family, amountCents: payment.amountCents, kind: 'topup', idempotencyKey: `counter-demo-${payment.family}`, createdBy: agent, at: systemClock()(),
      label: `${METHOD_LABELS[payment.method]} reçu au guichet${payment.documentNumber ? ` (n° ${payment.documentNumber})` : ''}`,
      journal: { to: 'family', kind: 'top-up', method: payment.method, regieId: regie, documentNumber: payment.documentNumber },
    });
  }
}

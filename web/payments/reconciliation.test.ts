// Staff's list of card payments to reconcile: the families of their communes only.
import { describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();

const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = async (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

describe('card payments', () => {
  it("lists the staff's communes' card payments, the 00015 ones first, as a page and a CSV, and none of another commune", async () => {
    const here = await createParent(database.db, 'ici@example.fr', { commune: 'rosieres', status: 'validated' });
    const there = await createParent(database.db, 'la-bas@example.fr', { commune: 'bains', status: 'validated' });
    await database.db
      .insertInto('payments')
      .values([
        { user_id: here.id, purpose: 'topup', method: 'card', amount_cents: 2500, reference: 'topup-1-aaaaaaaaaa', state: 'to-reconcile', provider_error: '00015' },
        { user_id: there.id, purpose: 'topup', method: 'card', amount_cents: 500, reference: 'topup-2-bbbbbbbbbb', state: 'to-reconcile', provider_error: '00015' },
        { user_id: here.id, purpose: 'topup', method: 'card', amount_cents: 100, reference: 'topup-3-cccccccccc', state: 'paid' },
      ])
      .execute();
    await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent@rosieres.fr');
    const response = await get('/agent/paiements', staff);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('topup-1-aaaaaaaaaa');
    expect(html).toContain('25,00');
    expect(html).not.toContain('topup-2-bbbbbbbbbb');
    // Every card payment is listed for the treasury, those to reconcile first.
    expect(html.indexOf('topup-1-aaaaaaaaaa')).toBeLessThan(html.indexOf('topup-3-cccccccccc'));
    expect(html).toContain('1 paiement(s) à vérifier.');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await get('/agent/paiements/export.csv', staff)).arrayBuffer()).split('\r\n');
    expect(csv[0]).toBe('\uFEFFRéférence;Objet;Montant (centimes);État;Transaction;Code retour;Famille;Commune;Mis à jour le');
    expect(csv[1]).toMatch(/^topup-1-aaaaaaaaaa;Recharge;2500;à vérifier;;00015;ici@example.fr;[^;]+;\d{4}-\d{2}-\d{2}$/);
    expect(csv.filter((line) => line.includes('topup-2'))).toEqual([]);

    await createParent(database.db, 'curieux@example.fr');
    expect((await get('/agent/paiements', await login(app(), 'curieux@example.fr'))).status).toBe(403);
  });
});

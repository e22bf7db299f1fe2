// « Mon porte-monnaie » while a top-up waits for the bank, and the top-up's page once it is
// credited: the balance a parent reads is the one the books hold.
import { describe, expect, it } from 'vitest';
import { createTopUpPayment } from '../../db/queries/payments/payments.ts';
import { moveMoney } from '../../db/queries/wallet/wallet.ts';
import { createParent, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { AccountAttribute, CommuneAttribute } from '../../workflows/common/search-attributes.ts';
import { topUpWorkflowId } from '../../workflows/wallet/wallet-top-up.messages.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const text = async (response: Response) => (await response.text()).replace(/[\u00a0\u202f]/g, ' ');

describe('the wallet and a top-up', () => {
  it('says a top-up waits for the bank, then shows the new balance once it is credited', async () => {
    const parent = await createParent(database.db, 'recharge@example.fr', { status: 'validated' });
    const cookie = await login(app(), 'recharge@example.fr');
    await moveMoney(database.db, { userId: parent.id, amountCents: 500, kind: 'topup', label: 'Recharge', idempotencyKey: 'seed-recharge' });
    const quiet = await app().request('/mon-compte/porte-monnaie', { headers: { Cookie: cookie } });
    expect(quiet.headers.get('Refresh')).toBeNull();
    expect(await text(quiet)).not.toContain('attend la confirmation de la banque');

    const payment = await createTopUpPayment(database.db, { userId: parent.id, amountCents: 1000, cardType: 'VISA' });
    const waiting = await app().request('/mon-compte/porte-monnaie', { headers: { Cookie: cookie } });
    expect(waiting.headers.get('Refresh')).toBe('5');
    const page = await text(waiting);
    expect(page).toContain('Votre recharge de 10,00 € attend la confirmation de la banque');
    expect(page).toContain(`href="/paiement/retour/${payment.reference}"`);
    expect(page).toContain('Solde : <strong>5,00 €</strong>');

    // The bank's answer credited (as the top-up's workflow does: the payment paid, the ledger moved).
    await database.db.updateTable('payments').set({ state: 'paid' }).where('id', '=', payment.id).execute();
    await moveMoney(database.db, { userId: parent.id, amountCents: 1000, kind: 'topup', label: 'Recharge par carte', idempotencyKey: `topup-${payment.id}` });
    const result = await text(await app().request(`/paiement/retour/${payment.reference}`, { headers: { Cookie: cookie } }));
    expect(result).toContain('Porte-monnaie rechargé');
    expect(result).toContain('Nouveau solde : <strong>15,00 €</strong>');
    const credited = await app().request('/mon-compte/porte-monnaie', { headers: { Cookie: cookie } });
    expect(credited.headers.get('Refresh')).toBeNull();
    const after = await text(credited);
    expect(after).toContain('Solde : <strong>15,00 €</strong>');
    expect(after).not.toContain('attend la confirmation de la banque');
  });

  it("starts the top-up's process under the family's commune, for operators", async () => {
    const parent = await createParent(database.db, 'recharge-commune@example.fr', { status: 'validated' });
    const cookie = await login(app(), 'recharge-commune@example.fr');
    const sent = await postForm(app(), '/mon-compte/porte-monnaie/recharger', { montant: '1000', carte: 'VISA' }, { Cookie: cookie });
    expect(sent.status).toBe(200);
    const payment = await database.db.selectFrom('payments').select('id').where('user_id', '=', parent.id).executeTakeFirstOrThrow();
    const attributes = (await temporal.client.workflow.getHandle(topUpWorkflowId(payment.id)).describe()).typedSearchAttributes;
    const commune = await database.db.selectFrom('communes').select('name').where('id', '=', parent.commune_id!).executeTakeFirstOrThrow();
    expect(attributes.get(CommuneAttribute)).toBe(commune.name);
    expect(attributes.get(AccountAttribute)).toBe(parent.id);
  });
});

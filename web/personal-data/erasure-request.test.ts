// The erasure asked from « RGPD - Données personnelles »: confirmed by the password and a box, an
// IBAN asked when money will be owed; bad input changes nothing. Once asked, the parent is signed
// out, the account closed by the erasure workflow, and staff of the commune (only) record the
// transfer of the balance, after which the account is erased.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { moveMoney } from '../../db/queries/wallet/wallet.ts';
import { createStaff, login, PASSWORD } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { until } from '../../test/helpers/until.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });

let staff: string;
let otherStaff: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent-effacement@example.fr', ['rosieres']);
  await createStaff(database.db, 'agent-ailleurs@example.fr', ['yssingeaux']);
  staff = await login(app(), 'agent-effacement@example.fr');
  otherStaff = await login(app(), 'agent-ailleurs@example.fr');
});

const requests = () => database.db.selectFrom('erasure_requests').selectAll().execute();

describe('asking for the erasure', () => {
  it('refuses what is missing or wrong, next to the field, and changes nothing', async () => {
    const family = await bookingFamily(database.db, 'hesitante@example.fr');
    await moveMoney(database.db, { userId: family.user.id, amountCents: 700, kind: 'topup', label: 'Recharge', idempotencyKey: 'hesitante' });
    const cookie = await login(app(), family.user.email);
    const page = await (await app().request('/mon-compte/donnees', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('IBAN du compte où vous rembourser');

    const cases: [Record<string, string>, string][] = [
      [{ iban: 'FR7630006000011234567890189', mot_de_passe: PASSWORD }, 'Cochez la case pour confirmer votre demande.'],
      [{ iban: '', mot_de_passe: PASSWORD, confirmation: 'oui' }, 'Indiquez l’IBAN du compte où la mairie vous rembourse.'],
      [{ iban: 'FR76 3000 6000 0112 3456 7890 180', mot_de_passe: PASSWORD, confirmation: 'oui' }, 'Cet IBAN n’est pas valide'],
      [{ iban: 'FR7630006000011234567890189', mot_de_passe: 'pas-le-bon', confirmation: 'oui' }, 'Ce mot de passe est incorrect.'],
    ];
    for (const [fields, message] of cases) {
      const response = await postForm(app(), '/mon-compte/donnees/effacement', fields, { Cookie: cookie });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      if (fields.iban) expect(html).toContain(`value="${fields.iban}"`);
    }
    expect(await requests()).toEqual([]);
    expect((await app().request('/mon-compte', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('signs the parent out, closes the account, and erases it once staff of its commune record the transfer', async () => {
    const family = await bookingFamily(database.db, 'partante@example.fr');
    await moveMoney(database.db, { userId: family.user.id, amountCents: 1_250, kind: 'topup', label: 'Recharge', idempotencyKey: 'partante' });
    const cookie = await login(app(), family.user.email);
    const asked = await postForm(app(), '/mon-compte/donnees/effacement', { iban: 'fr76 3000 6000 0112 3456 7890 189', mot_de_passe: PASSWORD, confirmation: 'oui' }, { Cookie: cookie });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/effacement-demande');
    expect(asked.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await (await app().request('/effacement-demande')).text()).toContain('Votre demande d’effacement est enregistrée');

    const [request] = await until(requests, (rows) => rows[0]?.status === 'awaiting-wallet-return');
    expect(request).toMatchObject({ user_id: family.user.id, iban: 'FR7630006000011234567890189', wallet_cents: 1_250 });
    expect((await app().request('/mon-compte', { headers: { Cookie: cookie } })).headers.get('location')).toMatch(/^\/connexion/);
    const again = await postForm(app(), '/connexion', { email: family.user.email, password: PASSWORD });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('Ce compte est fermé. Effacement des données demandé le');

    const list = await (await app().request('/agent/effacements', { headers: { Cookie: staff } })).text();
    expect(list).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(list).toContain('12,50');
    expect(await (await app().request('/agent/effacements', { headers: { Cookie: otherStaff } })).text()).not.toContain('partante@example.fr');
    const path = `/agent/effacements/${request!.id}/virement`;
    expect((await postForm(app(), path, { reference: 'VIR-0001', montant: '1250' }, { Cookie: otherStaff })).status).toBe(403);
    const wrongAmount = await postForm(app(), path, { reference: 'VIR-0001', montant: '1000' }, { Cookie: staff });
    expect(wrongAmount.status).toBe(400);
    expect(await wrongAmount.text()).toContain('Le solde a changé : il est maintenant de 12,50');
    const garbage = await postForm(app(), path, { reference: '<script>', montant: '1250' }, { Cookie: staff });
    expect(garbage.status).toBe(400);

    const recorded = await postForm(app(), path, { reference: 'VIR-0001', montant: '1250' }, { Cookie: staff });
    expect(recorded.status).toBe(303);
    await until(requests, (rows) => rows[0]?.status === 'done');
    const user = await database.db.selectFrom('users').select(['email', 'status', 'first_name']).where('id', '=', family.user.id).executeTakeFirstOrThrow();
    expect(user).toEqual({ email: `compte-efface-${family.user.id}@efface.invalid`, status: 'erased', first_name: null });
    expect(await (await app().request('/agent/effacements', { headers: { Cookie: staff } })).text()).toContain('Compte effacé');
  });
});

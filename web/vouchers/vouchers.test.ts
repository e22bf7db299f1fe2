// Vouchers: created by staff for their communes, listed for families while they can use them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => new Date('2026-11-27T09:00:00Z') });

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});

const rosieres = async () => String((await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id);
const form = async (override: Record<string, string> = {}) => ({
  code: 'rentree-2027', label: 'Rentrée : 5 € offerts', kind: 'amount', value: '5,00', valid_from: '2026-11-01', valid_until: '2027-07-04',
  min_order: '10', max_uses: '', max_uses_per_family: '1', commune: await rosieres(), ...override,
});

describe('vouchers', () => {
  it('are created by staff of the commune, checked, and listed for families', async () => {
    await createStaff(database.db, 'agent.bons@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.bons@rosieres.fr');
    const bad = await postForm(app(), '/agent/bons', await form({ value: 'cinq', valid_until: '2026-01-01', code: 'x' }), { Cookie: staff });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    for (const message of ['Un montant en euros, par exemple 5,00.', 'La date de fin doit suivre la date de début.', 'Le code compte 3 à 30 lettres, chiffres ou tirets.']) expect(html).toContain(message);
    expect(html).toContain('value="Rentrée : 5 € offerts"');

    expect((await postForm(app(), '/agent/bons', await form(), { Cookie: staff })).status).toBe(303);
    const voucher = await database.db.selectFrom('vouchers').selectAll().executeTakeFirstOrThrow();
    expect(voucher).toMatchObject({ code: 'RENTREE-2027', kind: 'amount', value: 500, min_order_cents: 1000, max_uses: null, max_uses_per_family: 1 });
    const twice = await postForm(app(), '/agent/bons', await form(), { Cookie: staff });
    expect(await twice.text()).toContain('Ce code existe déjà.');

    await createParent(database.db, 'bons@example.fr', { status: 'validated' });
    const mine = (await (await app().request('/mon-compte/bons', { headers: { Cookie: await login(app(), 'bons@example.fr') } })).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(mine).toContain('RENTREE-2027');
    expect(mine).toContain('dès 10,00 €, commune de Rosières');
  });

  it('cannot be created for another commune', async () => {
    await createStaff(database.db, 'agent.bons@bains.fr', ['bains']);
    const outsider = await login(app(), 'agent.bons@bains.fr');
    const response = await postForm(app(), '/agent/bons', await form({ code: 'AUTRE-COMMUNE' }), { Cookie: outsider });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choisissez une de vos communes.');
  });
});

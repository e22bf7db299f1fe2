// The régies' staff pages: the régisseur closes the oldest day after a confirmation (a difference
// needs a note, bad input changes nothing), other staff of its communes see it read-only and may
// not post, staff of another commune get 403; the month's statement as a page, a PDF and a CSV,
// and the PES file (or what the régie's settings lack for it).
import { beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { addDays, parisInstant } from '../../domain/dates.ts';
import { monthOf } from '../../domain/regie-closing.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const today = testToday();
const day = addDays(today, -1);

let regieId: number;
let regisseur: string;
let colleague: string;
let outsider: string;
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const close = (fields: Record<string, string>, cookie = regisseur) => postForm(app(), `/agent/regies/${regieId}/cloture`, fields, { Cookie: cookie });
const closings = () => database.db.selectFrom('regie_closings').selectAll().where('regie_id', '=', regieId).execute();

beforeAll(async () => {
  const db = database.db;
  const staff = await createStaff(db, 'regisseur@rosieres.fr', ['rosieres']);
  const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  const regie = await db.insertInto('regies').values({ name: 'Régie des pages', methods: ['card', 'wallet', 'cash', 'cheque'] }).returning('id').executeTakeFirstOrThrow();
  regieId = regie.id;
  await db.insertInto('regie_communes').values({ regie_id: regieId, commune_id: rosieres.id }).execute();
  await db.insertInto('regie_members').values({ regie_id: regieId, user_id: staff.id, role: 'regisseur' }).execute();
  await createStaff(db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(db, 'agent@aiguilhe.fr', ['aiguilhe']);
  regisseur = await login(app(), 'regisseur@rosieres.fr');
  colleague = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@aiguilhe.fr');
  const parent = await createParent(db, 'famille@rosieres.fr', { status: 'validated', commune: 'rosieres' });
  const topUp = (cents: number, method: 'cash' | 'cheque', key: string, documentNumber: string | null = null) =>
    moveMoney(db, { userId: parent.id, amountCents: cents, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: key, at: parisInstant(day, 10), journal: { to: 'family', kind: 'top-up', method, regieId, documentNumber } });
  await topUp(3000, 'cash', 'pages-cash');
  await topUp(4550, 'cheque', 'pages-cheque', '0012345');
});

describe('the daily closing page', () => {
  it("is closed to staff of another commune, and read-only for staff who are not the régie's", async () => {
    expect((await get(`/agent/regies/${regieId}/cloture`, outsider)).status).toBe(403);
    expect((await close({ jour: day, compte_especes: '30', compte_cheques: '45,50' }, outsider)).status).toBe(403);
    expect((await get(`/agent/regies/${regieId}/releves`, outsider)).status).toBe(403);
    expect((await get(`/agent/regies/${regieId}/releves/pes.xml`, outsider)).status).toBe(403);
    expect(await (await get('/agent/regies', outsider)).text()).not.toContain('Régie des pages');

    const page = await get(`/agent/regies/${regieId}/cloture`, colleague);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Seuls le régisseur et ses suppléants clôturent les journées de cette régie');
    expect(html).toContain('0012345');
    expect(html).not.toContain(`action="/agent/regies/${regieId}/cloture"`);
    expect((await close({ jour: day, compte_especes: '30', compte_cheques: '45,50', confirmation: 'oui' }, colleague)).status).toBe(403);
    expect(await closings()).toEqual([]);
  });

  it('refuses a mistyped count and a difference without a note, keeping what was typed, and changes nothing', async () => {
    const mistyped = await close({ jour: day, compte_especes: 'trente', compte_cheques: '45,50' });
    expect(mistyped.status).toBe(400);
    const html = await mistyped.text();
    expect(html).toContain('Indiquez le montant compté en espèces en euros (exemple : 125,50).');
    expect(html).toContain('value="trente"');
    expect(html).toContain('Compté en chèques (en euros)');
    const missing = await close({ jour: day, compte_especes: '30' });
    expect(await missing.text()).toContain('Indiquez le montant compté en chèques (0 s’il n’y a rien).');
    const gap = await close({ jour: day, compte_especes: '29', compte_cheques: '45,50', confirmation: 'oui' });
    expect(gap.status).toBe(400);
    expect(await gap.text()).toContain('Espèces : 29,00\u00a0€ compté pour 30,00\u00a0€ au journal (manque de 1,00\u00a0€).');
    const later = await close({ jour: addDays(day, 1), compte_especes: '30', compte_cheques: '45,50', confirmation: 'oui' });
    expect(await later.text()).toContain('Les journées se clôturent dans l’ordre');
    expect(await closings()).toEqual([]);
  });

  it('shows what the closing keeps before it acts, closes with a note, then shows the day locked', async () => {
    const preview = await close({ jour: day, compte_especes: '29', compte_cheques: '45,50', note: 'Un euro rendu en trop.' });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Écarts constatés');
    expect(html).toContain('name="confirmation" value="oui"');
    expect(await closings()).toEqual([]);
    // « Confirmer » posts the page's fingerprint of the totals it showed.
    const etat = /name="etat" value="([0-9a-f]+)"/.exec(html)![1]!;
    const done = await close({ jour: day, compte_especes: '29', compte_cheques: '45,50', note: 'Un euro rendu en trop.', etat, confirmation: 'oui' });
    expect(done.status).toBe(303);
    expect(await closings()).toMatchObject([{ day, note: 'Un euro rendu en trop.', totals: { cash: { journalCents: 3000, checkedCents: 2900 }, cheque: { journalCents: 4550, checkedCents: 4550 } } }]);
    const page = await (await get(done.headers.get('location')!, regisseur)).text();
    expect(page).toContain('La journée est clôturée');
    expect(page).toContain('Aucune journée n’est à clôturer');
    expect(page).toContain('Un euro rendu en trop.');
    const again = await close({ jour: day, compte_especes: '29', compte_cheques: '45,50', note: 'Deux fois', confirmation: 'oui' });
    expect(again.status).toBe(400);
    expect(await closings()).toHaveLength(1);
    expect(await booksProblems(database.db)).toEqual([]);
  });
});

describe('the monthly exports', () => {
  const month = monthOf(day);

  it('shows the month, and gives its PDF and CSV', async () => {
    const page = await get(`/agent/regies/${regieId}/releves?mois=${month}`, colleague);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('75,50\u00a0€');
    expect(html).toContain('le SIRET de la collectivité (IdColl)');
    // The accountant reads the till's difference beside the régisseur's note, not the note alone.
    expect(html).toContain('Écart constaté : Espèces : 29,00\u00a0€ compté pour 30,00\u00a0€ au journal (manque de 1,00\u00a0€).');
    expect((await get(`/agent/regies/${regieId}/releves?mois=2026-13`, colleague)).status).toBe(400);

    const pdf = await get(`/agent/regies/${regieId}/releves/releve.pdf?mois=${month}`, colleague);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await (await get(`/agent/regies/${regieId}/releves/releve.csv?mois=${month}`, colleague)).text();
    expect(csv).toContain('Total des recettes;7550;');
    expect(csv).toContain('Chèque;4550;');
    expect(csv).toContain('écart constaté : Espèces : 29,00\u00a0€ compté pour 30,00\u00a0€ au journal (manque de 1,00\u00a0€)');
  });

  it('says what the PES header lacks, then gives the file in ISO-8859-1', async () => {
    const refused = await get(`/agent/regies/${regieId}/releves/pes.xml?mois=${month}`, regisseur);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('le code du poste comptable (IdPost)');
    await database.db.updateTable('regies').set({ pes_id_post: '043000', pes_id_coll: '21430166700017', pes_cod_col: '123', pes_cod_bud: '01' }).where('id', '=', regieId).execute();
    const file = await get(`/agent/regies/${regieId}/releves/pes.xml?mois=${month}`, regisseur);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/xml; charset=ISO-8859-1');
    const text = Buffer.from(await file.arrayBuffer()).toString('latin1');
    expect(text.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe(true);
    // Top-ups only this month: money received before any title, so a bordereau without pieces.
    expect(text).toContain('<NbrPce V="0"/>');
  });
});

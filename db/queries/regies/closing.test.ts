// The régisseur's daily closing, the monthly statement and the PES file, on the journal as the
// product writes it: totals that match, a counted difference that needs a note, the days closed in
// order and locked (a later movement goes to the next day), the providers' differences named, the
// statement's figures against the journal's, the PES file's against the statement's.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addDays, parisInstant } from '../../../domain/dates.ts';
import { monthDays, monthOf } from '../../../domain/regie-closing.ts';
import type { RegieMethod } from '../../../domain/regies.ts';
import { cleModulo11, cleModulo23, pesFile } from '../../../lib/regies/pes-file.ts';
import { createParent, createStaff } from '../../../test/helpers/accounts.ts';
import { bookableSeasonDay, testToday } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { moveMoney } from '../wallet/index.ts';
import { booksProblems } from './books.ts';
import { closeDay, dayFigures, openDays, regiesLeftOpen } from './closing.ts';
import { recordJournal } from './journal.ts';
import { pesPayers } from './pes.ts';
import { monthStatement } from './statement.ts';
import { parseXml, type XmlElement } from '../../../test/helpers/xml.ts';

const database = useTestDatabase();
const today = testToday();
const at = (day: string) => parisInstant(day, 10);

let made = 0;
/** A régie of its own for each test, in Rosières, with its régisseur. */
async function newRegie(methods: RegieMethod[] = ['card', 'wallet', 'cash', 'cheque', 'transfer']) {
  made += 1;
  const db = database.db;
  const regisseur = await createStaff(db, `regisseur-${made}@example.fr`, ['rosieres']);
  const regie = await db.insertInto('regies').values({ name: `Régie d’essai ${made}`, methods }).returning(['id', 'name', 'methods']).executeTakeFirstOrThrow();
  const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  await db.insertInto('regie_communes').values({ regie_id: regie.id, commune_id: rosieres.id }).execute();
  await db.insertInto('regie_members').values({ regie_id: regie.id, user_id: regisseur.id, role: 'regisseur' }).execute();
  const parent = await createParent(db, `famille-${made}@example.fr`, { status: 'validated', commune: 'rosieres' });
  return { regie, regisseur, parent };
}

function topUp(userId: number, regieId: number, cents: number, day: string, method: RegieMethod, key: string, documentNumber?: string) {
  return moveMoney(database.db, {
    userId, amountCents: cents, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: key, at: at(day),
    journal: { to: 'family', kind: 'top-up', method, regieId, documentNumber: documentNumber ?? null },
  });
}

describe('the daily closing', () => {
  it('closes a day whose counted totals match, lists the cheques with their numbers, and keeps the totals', async () => {
    const { regie, regisseur, parent } = await newRegie();
    const day = addDays(today, -2);
    await topUp(parent.id, regie.id, 2000, day, 'cash', 'match-cash');
    await topUp(parent.id, regie.id, 1500, day, 'cheque', 'match-cheque', '7654321');
    expect(await openDays(database.db, regie.id, today)).toEqual([{ day, entries: 2 }]);
    const figures = await dayFigures(database.db, regie, day);
    expect(figures.documents).toMatchObject([{ method: 'cheque', documentNumber: '7654321', amountCents: 1500 }]);
    expect(figures.methods.find((m) => m.method === 'cash')).toMatchObject({ check: 'counted', journalCents: 2000, confirmedCents: null });

    const missing = await closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: 2000 }, note: null });
    expect(missing).toMatchObject({ ok: false, field: 'cheque' });
    const closed = await closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: 2000, cheque: 1500 }, note: null });
    expect(closed.ok).toBe(true);
    const row = await database.db.selectFrom('regie_closings').selectAll().where('regie_id', '=', regie.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ day, note: null, closed_by: regisseur.id, totals: { cash: { journalCents: 2000, checkedCents: 2000 }, cheque: { journalCents: 1500, checkedCents: 1500 } } });
    expect(await openDays(database.db, regie.id, today)).toEqual([]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id']).where('action', '=', 'regie.day-closed').execute();
    expect(audit).toContainEqual({ action: 'regie.day-closed', subject_type: 'regie', subject_id: regie.id });
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('names a counted difference and closes it only with a note; refuses staff who are not its régisseur', async () => {
    const { regie, regisseur, parent } = await newRegie();
    const colleague = await createStaff(database.db, 'collegue@example.fr', ['rosieres']);
    const day = addDays(today, -1);
    await topUp(parent.id, regie.id, 2000, day, 'cash', 'gap-cash');
    const input = { regieId: regie.id, day, today, counted: { cash: 1950, cheque: 0 }, note: null };
    expect(await closeDay(database.db, { ...input, staffId: colleague.id })).toMatchObject({ ok: false, field: 'membre' });
    expect(await closeDay(database.db, { ...input, staffId: regisseur.id })).toMatchObject({ ok: false, field: 'note' });
    expect(await database.db.selectFrom('regie_closings').select('id').where('regie_id', '=', regie.id).execute()).toEqual([]);
    const closed = await closeDay(database.db, { ...input, staffId: regisseur.id, note: 'Un billet de 0,50 € manquant, signalé au comptable.' });
    expect(closed.ok).toBe(true);
    const row = await database.db.selectFrom('regie_closings').select(['totals', 'note']).where('regie_id', '=', regie.id).executeTakeFirstOrThrow();
    expect(row.totals).toEqual({ cash: { journalCents: 2000, checkedCents: 1950 } });
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'regie.day-closed').where('subject_id', '=', regie.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('Espèces : 19,50\u00a0€ compté pour 20,00\u00a0€ au journal (manque de 0,50\u00a0€).');
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('closes the days in order, locks them, and sends a later movement to the next open day', async () => {
    const { regie, regisseur, parent } = await newRegie();
    const first = addDays(today, -4);
    const second = addDays(today, -3);
    await topUp(parent.id, regie.id, 1000, first, 'cash', 'order-1');
    await topUp(parent.id, regie.id, 500, second, 'cash', 'order-2');
    const close = (day: string) => closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: day === first ? 1000 : 500, cheque: 0 }, note: null });
    expect(await close(second)).toMatchObject({ ok: false, field: 'jour', message: expect.stringContaining('dans l’ordre') });
    expect((await close(first)).ok).toBe(true);
    expect(await close(first)).toMatchObject({ ok: false, field: 'jour', message: expect.stringContaining('déjà clôturé') });
    expect((await close(second)).ok).toBe(true);

    // Money taken on the second day, recorded after its closing: it belongs to the day after.
    await topUp(parent.id, regie.id, 300, second, 'cash', 'order-late');
    const late = await database.db.selectFrom('journal_entries').select('day').where('idempotency_key', '=', 'order-late/journal').executeTakeFirstOrThrow();
    expect(late.day).toBe(addDays(second, 1));
    expect(await openDays(database.db, regie.id, today)).toEqual([{ day: addDays(second, 1), entries: 1 }]);
    const closings = await database.db.selectFrom('regie_closings').select(['day', 'totals']).where('regie_id', '=', regie.id).orderBy('day').execute();
    expect(closings).toEqual([
      { day: first, totals: { cash: { journalCents: 1000, checkedCents: 1000 } } },
      { day: second, totals: { cash: { journalCents: 500, checkedCents: 500 } } },
    ]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('keeps in its totals exactly the entries of the day, however many movements race with the closing', async () => {
    const { regie, regisseur, parent } = await newRegie(['cash']);
    const day = addDays(today, -1);
    await topUp(parent.id, regie.id, 100, day, 'cash', 'race-close-0');
    const racing = Array.from({ length: 8 }, (_, i) => topUp(parent.id, regie.id, 100 + i, day, 'cash', `race-close-${i + 1}`));
    const closing = closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: 100 }, note: 'Recharges arrivées pendant la clôture.' });
    const [closed] = await Promise.all([closing, ...racing]);
    expect(closed.ok).toBe(true);
    const row = await database.db.selectFrom('regie_closings').select('totals').where('regie_id', '=', regie.id).executeTakeFirstOrThrow();
    const entries = await database.db.selectFrom('journal_entries').select(['day', 'amount_cents']).where('regie_id', '=', regie.id).execute();
    const onDay = entries.filter((entry) => entry.day === day).reduce((sum, entry) => sum + entry.amount_cents, 0);
    expect(row.totals.cash?.journalCents).toBe(onDay);
    expect(entries.every((entry) => entry.day === day || entry.day === addDays(day, 1))).toBe(true);
    expect(entries).toHaveLength(9);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it("checks card receipts against the provider's confirmations and names a payment left to reconcile", async () => {
    const { regie, regisseur, parent } = await newRegie();
    const day = addDays(today, -1);
    // A top-up by card the journal holds, which no paid payment confirms.
    await moveMoney(database.db, { userId: parent.id, amountCents: 1200, kind: 'topup', label: 'Recharge', idempotencyKey: 'card-unconfirmed', at: at(day), journal: { to: 'family', kind: 'top-up', method: 'card', regieId: regie.id } });
    // Made on that day: the page lists the payments left to reconcile on the day they were made.
    await sql`insert into payments (user_id, purpose, method, amount_cents, state, reference, regie_id, created_at, updated_at)
      values (${parent.id}, 'topup', 'card', 800, 'to-reconcile', 'RECH-A-RAPPROCHER', ${regie.id}, ${at(day)}, ${at(day)})`.execute(database.db);
    const figures = await dayFigures(database.db, regie, day);
    expect(figures.methods.find((m) => m.method === 'card')).toMatchObject({ check: 'provider', journalCents: 1200, confirmedCents: 0 });
    expect(figures.providerDifferences).toEqual([expect.stringContaining('RECH-A-RAPPROCHER (8,00\u00a0€) laissé « à rapprocher »')]);
    const refused = await closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: 0, cheque: 0 }, note: null });
    expect(refused).toMatchObject({ ok: false, field: 'note' });
    const closed = await closeDay(database.db, { regieId: regie.id, day, today, staffId: regisseur.id, counted: { cash: 0, cheque: 0 }, note: 'Recharge sans confirmation : voir le prestataire.' });
    expect(closed.ok).toBe(true);
    const row = await database.db.selectFrom('regie_closings').select('totals').where('regie_id', '=', regie.id).executeTakeFirstOrThrow();
    expect(row.totals).toEqual({ card: { journalCents: 1200, checkedCents: 0 } });
  });

  it('tells which régies have days before today left open, and to whom', async () => {
    const { regie, regisseur, parent } = await newRegie();
    await topUp(parent.id, regie.id, 700, addDays(today, -2), 'cash', 'left-open');
    await topUp(parent.id, regie.id, 100, today, 'cash', 'left-open-today');
    const left = (await regiesLeftOpen(database.db, today)).find((r) => r.id === regie.id);
    expect(left).toEqual({ id: regie.id, name: regie.name, days: [addDays(today, -2)], members: [{ id: regisseur.id, email: regisseur.email, firstName: regisseur.first_name }] });
  });
});

const attribute = (element: XmlElement | undefined, name: string) => element?.children.find((child) => child.name === name)?.attributes.V;
const childNames = (element: XmlElement | undefined) => element?.children.map((child) => child.name);
const euros = (text: string | undefined) => Math.round(Number(text) * 100);

describe('the monthly statement and the PES file', () => {
  it('gives the journal’s figures, and the PES file carries the same product receipts in its required structure', async () => {
    await loadDemoCatalogue(database.db, bookableSeasonDay());
    const products = await database.db.selectFrom('products').select(['id', 'name']).orderBy('id').limit(2).execute();
    const { regie, parent } = await newRegie();
    const other = await createParent(database.db, 'elodie@example.fr', { status: 'validated', commune: 'rosieres' });
    await database.db.updateTable('users').set({ first_name: 'Élodie', last_name: 'Mécène-Dupré' }).where('id', '=', other.id).execute();
    await database.db.insertInto('addresses').values({ user_id: other.id, label: 'Maison', line1: '3 rue de l’Église', postal_code: '43700', city: 'Rosières', is_default: true }).execute();
    await database.db.updateTable('regies').set({ pes_id_post: '043000', pes_id_coll: '21430166700017', pes_cod_col: '123', pes_cod_bud: '01' }).where('id', '=', regie.id).execute();

    const month = monthOf(addDays(`${monthOf(today)}-01`, -1));
    const { first, last } = monthDays(month);
    const before = addDays(first, -10);
    await topUp(parent.id, regie.id, 1000, before, 'cash', 'statement-before');
    await topUp(parent.id, regie.id, 2500, addDays(first, 4), 'cheque', 'statement-topup', '1234567');
    const counter = (key: string, userId: number, productId: number, method: RegieMethod, cents: number, day: string) =>
      recordJournal(database.db, [{ regieId: regie.id, kind: 'card-payment', method, series: 'receipt', amountCents: cents, userId, productId, label: 'Paiement au guichet', key, at: at(day) }]);
    await counter('statement-p1', parent.id, products[0]!.id, 'cheque', 1800, addDays(first, 5));
    await counter('statement-p2', other.id, products[0]!.id, 'cash', 700, addDays(first, 6));
    await counter('statement-p3', other.id, products[1]!.id, 'cash', 450, last);
    await moveMoney(database.db, { userId: parent.id, amountCents: 300, kind: 'adjustment', label: 'Geste commercial', idempotencyKey: 'statement-adjust', at: at(addDays(first, 7)), journal: { to: 'family', kind: 'adjustment', regieId: regie.id } });
    await topUp(parent.id, regie.id, 400, addDays(last, 1), 'cash', 'statement-after');

    const statement = await monthStatement(database.db, regie, month);
    expect(statement.receiptsByMethod).toEqual([{ method: 'cash', cents: 1150 }, { method: 'cheque', cents: 4300 }]);
    expect(statement.refundsByMethod).toEqual([{ method: 'wallet', cents: 300 }]);
    expect(statement.receiptsCents).toBe(5450);
    expect(statement.refundsCents).toBe(300);
    expect(statement.productReceiptsCents).toBe(2950);
    expect(statement.walletOpeningCents).toBe(1000);
    expect(statement.walletClosingCents).toBe(3800);
    // The same figures straight from the journal.
    const journal = await database.db.selectFrom('journal_entries').select(['series', 'amount_cents', 'product_id']).where('regie_id', '=', regie.id).where('day', '>=', first).where('day', '<=', last).execute();
    const sum = (rows: typeof journal) => rows.reduce((total, row) => total + row.amount_cents, 0);
    expect(statement.receiptsCents).toBe(sum(journal.filter((row) => row.series === 'receipt')));
    expect(statement.productReceiptsCents).toBe(sum(journal.filter((row) => row.series === 'receipt' && row.product_id !== null)));
    expect(statement.receiptsByProduct.reduce((total, row) => total + row.cents, 0)).toBe(statement.receiptsCents);

    const settings = { idPost: '043000', idColl: '21430166700017', codCol: '123', codBud: '01' };
    const file = pesFile({ regieId: regie.id, regieName: regie.name, settings, month, issuedOn: today, fileName: 'pes.xml', payers: await pesPayers(database.db, regie.id, month) });
    expect(file.bytes.subarray(0, 43).toString('latin1')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?>');
    expect(file.bytes.includes(Buffer.from('ELODIE', 'latin1'))).toBe(true);
    const root = parseXml(file.bytes.toString('latin1'));
    expect(root.name).toBe('n:PES_Aller');
    expect(childNames(root)).toEqual(['Enveloppe', 'EnTetePES', 'PES_RecetteAller']);
    const envelope = root.children[0]!;
    expect(attribute(envelope.children.find((c) => c.name === 'Parametres'), 'TypFic')).toBe('PESORMC');
    const header = root.children[1]!;
    expect(childNames(header)).toEqual(['DteStr', 'IdPost', 'IdColl', 'CodCol', 'CodBud']);
    expect([attribute(header, 'IdPost'), attribute(header, 'IdColl'), attribute(header, 'CodCol'), attribute(header, 'CodBud')]).toEqual(['043000', '21430166700017', '123', '01']);
    const recette = root.children[2]!;
    expect(childNames(recette)).toEqual(['EnTeteRecette', 'Bordereau']);
    const bordereau = recette.children[1]!;
    const bloc = bordereau.children[0]!;
    expect(childNames(bloc)).toEqual(['Exer', 'IdBord', 'DteBordEm', 'TypBord', 'NbrPce', 'MtBordHt', 'DteAsp', 'Objet']);
    expect(attribute(bloc, 'Exer')).toBe(month.slice(0, 4));
    expect(attribute(bloc, 'TypBord')).toBe('06');
    const pieces = bordereau.children.filter((child) => child.name === 'Piece');
    expect(pieces).toHaveLength(2);
    expect(attribute(bloc, 'NbrPce')).toBe('2');
    expect(euros(attribute(bloc, 'MtBordHt'))).toBe(statement.productReceiptsCents);
    let lines = 0;
    const perProduct = new Map<string, number>();
    for (const piece of pieces) {
      const blocPiece = piece.children[0]!;
      expect(childNames(blocPiece)).toEqual(['IdPce', 'TypPce', 'NatPce', 'ObjPce', 'NumDette', 'Per', 'Cle1', 'Cle2', 'NumeroFacture']);
      expect([attribute(blocPiece, 'TypPce'), attribute(blocPiece, 'NatPce')]).toEqual(['15', '01']);
      const numDette = attribute(blocPiece, 'NumDette')!;
      const period = String(Number(month.slice(5)));
      expect(attribute(blocPiece, 'Cle1')).toBe(String(cleModulo11(['123', attribute(bloc, 'IdBord')!, month.slice(2, 4), period, numDette.padStart(13, '0')])));
      expect(attribute(blocPiece, 'Cle2')).toBe(cleModulo23([month.slice(2, 4), period, '00', numDette.padStart(13, '0')]));
      for (const line of piece.children.slice(1)) {
        expect(line.name).toBe('LigneDePiece');
        expect(childNames(line)).toEqual(['BlocLignePiece', 'Tiers']);
        expect(childNames(line.children[0])).toEqual(['InfoLignePiece']);
        const info = line.children[0]!.children[0]!;
        expect(childNames(info)).toEqual(['IdLigne', 'ObjLignePce', 'CodProdLoc', 'Nature', 'Majo', 'TvaIntraCom', 'MtHT']);
        const cents = euros(attribute(info, 'MtHT'));
        lines += cents;
        perProduct.set(attribute(info, 'CodProdLoc')!, (perProduct.get(attribute(info, 'CodProdLoc')!) ?? 0) + cents);
        const tiers = line.children[1]!;
        expect(childNames(tiers)).toEqual(['InfoTiers', 'Adresse']);
        expect(attribute(tiers.children[0], 'CatTiers')).toBe('01');
        expect(attribute(tiers.children[0], 'NatJur')).toBe('01');
        expect(childNames(tiers.children[1])).toEqual(['TypAdr', 'Adr2', 'CP', 'Ville', 'CodRes']);
      }
    }
    expect(lines).toBe(statement.productReceiptsCents);
    for (const product of statement.receiptsByProduct.filter((row) => row.productId !== null)) expect(perProduct.get(String(product.productId! % 10_000))).toBe(product.cents);
    const elodie = pieces.flatMap((piece) => piece.children.slice(1)).map((line) => line.children[1]!).find((tiers) => attribute(tiers.children[0], 'Nom') === 'MECENE-DUPRE');
    expect(attribute(elodie?.children[0], 'Prenom')).toBe('ELODIE');
    expect([attribute(elodie?.children[1], 'Adr2'), attribute(elodie?.children[1], 'CP'), attribute(elodie?.children[1], 'Ville')]).toEqual(['3 RUE DE L EGLISE', '43700', 'ROSIERES']);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('computes the keys as Noethysweb does', () => {
    // Worked by hand: digits read from the right, weights 2..7; 11 - (sum mod 11), 1 past 9.
    expect(cleModulo11(['123', '12001', '26', '12', '0000202612010001'])).toBe(cleModulo11(['1231200126120000202612010001']));
    expect(cleModulo11(['0'])).toBe(1);
    expect(cleModulo11(['1'])).toBe(9);
    expect(cleModulo11(['5'])).toBe(1);
    expect(cleModulo23(['0'])).toBe('A');
    expect(cleModulo23(['22'])).toBe('Y');
    expect(cleModulo23(['23'])).toBe('A');
  });
});

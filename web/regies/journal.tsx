// The régie's journal for staff of its communes: the page, filtered, and its CSV export; and a
// receipt of the journal as a PDF.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { parisDate } from '../../domain/dates.ts';
import { entryNumber } from '../../domain/journal-numbers.ts';
import { KIND_LABELS, METHOD_LABELS } from '../../domain/regies.ts';
import { journalProducts, journalRows, methodTotals, receiptFacts, walletsHeld } from '../../db/queries/regies/journal-read.ts';
import { toCsv } from '../../lib/csv.ts';
import type { AccessTable } from '../http/access.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { journalQueryString, readJournalQuery } from './journal-filter.ts';
import { receiptDownload } from './receipt-download.ts';
import { visibleRegie } from './regie-scope.ts';
import { JournalPage, purposeOf, signedCents } from './views/journal.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const journalAccess = {
  'GET /agent/regies/:id/journal': { who: 'staff', object: 'commune-regie' },
  'GET /agent/regies/:id/journal/export': { who: 'staff', object: 'commune-regie' },
  'GET /agent/regies/:id/recu': { who: 'staff', object: 'commune-regie' },
} satisfies AccessTable;

const filterValues = (c: Context<AppEnv>) => {
  const { du, au, moyen, produit } = c.req.query();
  return Object.fromEntries(Object.entries({ du, au, moyen, produit }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
};

export function journalRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get(`/:id${ID}/journal`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const values = filterValues(c);
    const products = await journalProducts(db, regie.id);
    const read = readJournalQuery(values, parisDate(now()));
    if (!read.ok) {
      c.status(400);
      return c.render(<JournalPage regie={regie} values={values} errors={read.errors} products={products} result={null} />, { title: `Journal – ${regie.name}` });
    }
    const { query } = read;
    const rows = await journalRows(db, { regieId: regie.id, ...query });
    const result = { rows, totals: methodTotals(rows), walletsHeldCents: await walletsHeld(db, regie.id, query.to), to: query.to, exportQuery: journalQueryString(query) };
    return c.render(<JournalPage regie={regie} values={{ ...values, du: query.from, au: query.to }} errors={{}} products={products} result={result} />, { title: `Journal – ${regie.name}` });
  });

  router.get(`/:id${ID}/journal/export`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const read = readJournalQuery(filterValues(c), parisDate(now()));
    if (!read.ok) return c.text(`Filtre invalide : ${Object.values(read.errors).join(' ')}`, 400);
    const rows = await journalRows(db, { regieId: regie.id, ...read.query });
    const csv = toCsv(
      ['Numéro', 'Jour', 'Heure', 'Nature', 'Moyen', 'Payeur', 'Objet', 'Référence', 'Montant (centimes)', 'Effet sur le porte-monnaie (centimes)'],
      rows.map((row) => [
        entryNumber(row.series, row.year, row.number), row.day, row.time, KIND_LABELS[row.kind], METHOD_LABELS[row.method], row.payer, purposeOf(row),
        row.documentNumber ?? row.providerReference, signedCents(row), row.walletCents,
      ]),
    );
    return csvDownload(c, `journal-regie-${regie.id}-${read.query.from}-${read.query.to}.csv`, csv);
  });

  router.get(`/:id${ID}/recu`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const entry = c.req.query('entree');
    // Without a receipt named, the journal lists them.
    if (!entry || !/^\d{1,12}$/.test(entry)) return c.redirect(`/agent/regies/${regie.id}/journal`, 303);
    const facts = await receiptFacts(db, Number(entry));
    if (!facts || facts.regieId !== regie.id || facts.method === 'wallet') throw new HTTPException(404);
    return receiptDownload(c, facts);
  });

  return router;
}

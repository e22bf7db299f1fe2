// Staff: a régie's month for the public accountant: the statement on screen, as a PDF to sign and
// a CSV, and the PES v2 recette file for Hélios (its header from the régie's settings: the page
// says what is missing). The month is `?mois=2026-12`, this month by default.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { staffRegie, type StaffRegie } from '../../db/queries/regies/closing.ts';
import { pesPayers } from '../../db/queries/regies/pes.ts';
import { monthStatement } from '../../db/queries/regies/statement.ts';
import { parisDate } from '../../domain/dates.ts';
import { isMonth, monthOf } from '../../domain/regie-closing.ts';
import { missingPesSettings, pesFile } from '../../lib/regies/pes-file.ts';
import { statementCsv } from '../../lib/regies/statement-csv.ts';
import { statementPdf } from '../../lib/regies/statement-pdf.ts';
import type { AccessTable } from '../http/access.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { StatementPage, WrongMonthPage } from './views/statements.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const statementAccess = {
  'GET /agent/regies/:id/releves': { who: 'staff', object: 'commune-regie' },
  'GET /agent/regies/:id/releves/releve.pdf': { who: 'staff', object: 'commune-regie' },
  'GET /agent/regies/:id/releves/releve.csv': { who: 'staff', object: 'commune-regie' },
  'GET /agent/regies/:id/releves/pes.xml': { who: 'staff', object: 'commune-regie' },
} satisfies AccessTable;

const slug = (regie: StaffRegie) => `regie-${regie.id}`;

export function statementRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  /** The régie behind :id (403 outside the staff member's communes) and the month asked, or null when it is none. */
  const read = async (c: Context<AppEnv>) => {
    const regie = await staffRegie(db, currentUser(c), idParam(c));
    if (!regie) throw new HTTPException(403);
    const asked = c.req.query('mois');
    const month = asked === undefined || asked === '' ? monthOf(parisDate(now())) : isMonth(asked) ? asked : null;
    return { regie, month };
  };
  const wrongMonth = (c: Context<AppEnv>, regie: StaffRegie) => {
    c.status(400);
    return c.render(<WrongMonthPage regie={regie} />, { title: 'Mois invalide' });
  };

  router.get(`/regies/:id${ID}/releves`, async (c) => {
    const { regie, month } = await read(c);
    if (!month) return wrongMonth(c, regie);
    const statement = await monthStatement(db, regie, month);
    return c.render(<StatementPage regie={regie} statement={statement} missing={missingPesSettings(regie.pes)} />, { title: `Relevés mensuels – ${regie.name}` });
  });

  router.get(`/regies/:id${ID}/releves/releve.pdf`, async (c) => {
    const { regie, month } = await read(c);
    if (!month) return wrongMonth(c, regie);
    const pdf = await statementPdf(await monthStatement(db, regie, month), parisDate(now()));
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="releve-${slug(regie)}-${month}.pdf"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(pdf as Uint8Array<ArrayBuffer>);
  });

  router.get(`/regies/:id${ID}/releves/releve.csv`, async (c) => {
    const { regie, month } = await read(c);
    if (!month) return wrongMonth(c, regie);
    return csvDownload(c, `releve-${slug(regie)}-${month}.csv`, statementCsv(await monthStatement(db, regie, month)));
  });

  router.get(`/regies/:id${ID}/releves/pes.xml`, async (c) => {
    const { regie, month } = await read(c);
    if (!month) return wrongMonth(c, regie);
    const missing = missingPesSettings(regie.pes);
    if (missing.length > 0) {
      c.status(400);
      return c.render(<StatementPage regie={regie} statement={await monthStatement(db, regie, month)} missing={missing} />, { title: `Relevés mensuels – ${regie.name}` });
    }
    const fileName = `pes-${slug(regie)}-${month}.xml`;
    const file = pesFile({ regieId: regie.id, regieName: regie.name, settings: regie.pes, month, issuedOn: parisDate(now()), fileName, payers: await pesPayers(db, regie.id, month) });
    c.header('Content-Type', 'application/xml; charset=ISO-8859-1');
    c.header('Content-Disposition', `attachment; filename="${fileName}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(file.bytes) as Uint8Array<ArrayBuffer>);
  });

  return router;
}

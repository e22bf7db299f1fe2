// Staff: Présences et pointage, for the products of their communes only (another commune's
// product answers 403, in the list, the export and the check-in alike). A presence is noted on
// its own day (domain/attendance.ts): a day ahead is refused, a day gone asks « Pointer quand
// même » first. Every confirmation names the child.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { attendanceList, checkInByCode, dayCapacity, markAllPresent, markAttendance, productsOfCommunes, type AttendanceRow } from '../../db/queries/tickets/attendance.ts';
import { openingDay, serviceDaysAround } from '../../db/queries/tickets/service-days.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { presenceAllowed } from '../../domain/attendance.ts';
import { ageOn, formatLongDate, isIsoDate, parisClockTime, parisDate, type IsoDate } from '../../domain/dates.ts';
import { toCsv } from '../../lib/csv.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID } from '../forms/form-route.ts';
import { isoDayField, repeatedIds } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { staffProduct } from '../catalogue/index.ts';
import { AttendanceDayPage, AttendanceIndexPage, type Refusal } from './views/attendance.tsx';
import { AttendancePrintPage } from './views/attendance-print.tsx';
import type { AccessTable } from '../http/access.ts';
import { atTheDoor, departuresOf } from '../../db/queries/child-file/index.ts';
import { departureAccess, departureRoutes } from './departures.tsx';
import type { DepartureForm } from './views/attendance-door.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const attendanceAccess = {
  'GET /agent/presences': { who: 'staff' },
  'GET /agent/presences/:id': { who: 'staff', object: 'commune-product' },
  'GET /agent/presences/:id/impression': { who: 'staff', object: 'commune-product' },
  'GET /agent/presences/:id/export.csv': { who: 'staff', object: 'commune-product' },
  'POST /agent/presences/:id/pointage': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
  'POST /agent/presences/:id/code': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
  'POST /agent/presences/:id/tous-presents': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
  ...departureAccess,
} satisfies AccessTable;

/** « Pointer quand même » sends the form again with this field: any other value confirms nothing. */
const confirmField = z
  .string()
  .optional()
  .transform((value) => value === 'oui');

const markSchema = z.object({
  reservation: z.string({ error: 'Enfant inconnu.' }).regex(/^\d{1,12}$/, 'Enfant inconnu.').transform(Number),
  statut: z.enum(['present', 'absent'], { error: 'Choisissez présent ou absent.' }),
  motif: z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || (value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value)), "Le motif d'absence tient en 200 caractères."),
  confirme: confirmField,
});

const codeSchema = z.object({
  code: z
    .string({ error: 'Tapez ou scannez le code du billet.' })
    .transform((value) => value.trim().toUpperCase().replace(/\s+/g, ''))
    .refine((value) => value.length > 0, 'Tapez ou scannez le code du billet.')
    .refine((value) => /^[A-Z0-9]{1,20}$/.test(value), "Ce code n'a pas la forme d'un code de billet (10 lettres et chiffres)."),
  confirme: confirmField,
});

const allSchema = z.object({ jour: isoDayField('Choisissez le jour de la liste.'), confirme: confirmField });

// Children have no gender in the file: the sentences speak of their presence, never agree with them.
/** « de Léa », « d'Anna »: the elision before a vowel or a mute h. */
const of = (name: string) => (/^[aeiouyhàâäéèêëîïôöûüÿ]/i.test(name) ? `d'${name}` : `de ${name}`);
const notYet = (day: IsoDate, whose: string) => `Le ${formatLongDate(day)} n'est pas encore arrivé : la présence ${whose} ne peut pas être notée avant ce jour-là.`;
const gone = (day: IsoDate, whose: string) => `Le ${formatLongDate(day)} est passé : noter quand même la présence ${whose} ce jour-là ?`;

/** The confirmation after a redirect, naming the children from the day's list (ids in the address, never names). */
function confirmation(c: Context<AppEnv>, rows: AttendanceRow[]): string | null {
  const named = (c.req.query('enfants') ?? '')
    .split('.')
    .map((id) => rows.find((row) => String(row.reservationId) === id))
    .filter((row) => row !== undefined)
    .map((row) => `${row.firstName} ${row.lastName}`);
  if (named.length === 0) return flash(c, { present: 'Présence enregistrée.', absent: 'Absence enregistrée.', code: 'Billet pointé : présence enregistrée.', tous: 'Aucun enfant à pointer : ils étaient déjà tous notés.', sortie: 'Départ enregistré.' });
  return flash(c, {
    present: `Présence ${of(named[0]!)} enregistrée.`,
    absent: `Absence ${of(named[0]!)} enregistrée.`,
    code: `Billet ${of(named[0]!)} pointé : présence enregistrée.`,
    tous: named.length === 1 ? `Présence ${of(named[0]!)} enregistrée.` : `Présences enregistrées (${named.length}) : ${named.join(', ')}.`,
    sortie: `Départ ${of(named[0]!)} enregistré.`,
  });
}

export function attendanceRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const productOf = (c: Context<AppEnv>) => staffProduct(db, c);

  /** The day asked (or today's service, else the next one) and the prestation chosen. */
  const dayOf = async (productId: number, values: Record<string, string | undefined>) => {
    const asked = values.jour ?? '';
    const day: IsoDate = isIsoDate(asked) ? asked : await openingDay(db, productId, parisDate(now()));
    const prestation = /^\d{1,12}$/.test(values.prestation ?? '') ? Number(values.prestation) : null;
    return { day, prestation };
  };

  interface Extra {
    message?: string | null;
    code?: { value: string; error?: string | undefined };
    refusal?: Refusal;
    ticked?: number[];
    departure?: DepartureForm;
  }

  /**
   * What the door needs for the listed children. The health flag only on today's list (in
   * Paris): staff see health data only for the reservations of their communes served today.
   */
  const doorOf = (rows: AttendanceRow[], day: IsoDate) =>
    Promise.all([atTheDoor(db, rows.map((row) => row.childId), day, day === parisDate(now())), departuresOf(db, rows.map((row) => row.reservationId))]);

  const dayPage = async (c: Context<AppEnv>, values: Record<string, string | undefined>, extra: Extra = {}) => {
    const product = await productOf(c);
    const { day, prestation } = await dayOf(product.id, values);
    const [capacity, rows, around] = await Promise.all([dayCapacity(db, product.id, day), attendanceList(db, product.id, day, prestation), serviceDaysAround(db, product.id, day)]);
    const message = extra.message === undefined ? confirmation(c, rows) : extra.message;
    const [door, departures] = await doorOf(rows, day);
    return c.render(
      <AttendanceDayPage
        product={product} day={day} today={parisDate(now())} around={around} prestationId={prestation} capacity={capacity} rows={rows}
        message={message} code={extra.code} refusal={extra.refusal} ticked={extra.ticked}
        door={door} departures={departures} time={parisClockTime(now())} departure={extra.departure}
      />,
      { title: `Présences – ${product.name}` },
    );
  };

  const back = (productId: number, values: Record<string, string | undefined>, ok: string, children: number[]) => {
    const day = isIsoDate(values.jour ?? '') ? `&jour=${values.jour}` : '';
    const prestation = /^\d{1,12}$/.test(values.prestation ?? '') ? `&prestation=${values.prestation}` : '';
    return `/agent/presences/${productId}?ok=${ok}${day}${prestation}${children.length > 0 ? `&enfants=${children.join('.')}` : ''}`;
  };

  /** What the page sends again with « Pointer quand même »: the same form, confirmed. */
  const confirmWith = (values: Record<string, string | undefined>, fields: [string, string][]): [string, string][] => [
    ...fields,
    ...(['jour', 'prestation'] as const).filter((name) => values[name]).map((name): [string, string] => [name, values[name]!]),
    ['confirme', 'oui'],
  ];

  router.get('/presences', async (c) => {
    const products = await productsOfCommunes(db, await staffCommuneIds(db, currentUser(c)));
    return c.render(<AttendanceIndexPage products={products} />, { title: 'Présences et pointage' });
  });

  router.get(`/presences/:id${ID}`, (c) => dayPage(c, c.req.query()));

  router.get(`/presences/:id${ID}/impression`, async (c) => {
    const product = await productOf(c);
    const { day, prestation } = await dayOf(product.id, c.req.query());
    const rows = await attendanceList(db, product.id, day, prestation);
    const [door, departures] = await doorOf(rows, day);
    return c.render(<AttendancePrintPage product={product} day={day} prestationId={prestation} rows={rows} door={door} departures={departures} />, { title: `Liste d'appel – ${product.name}` });
  });

  router.get(`/presences/:id${ID}/export.csv`, async (c) => {
    const product = await productOf(c);
    const { day, prestation } = await dayOf(product.id, c.req.query());
    const rows = await attendanceList(db, product.id, day, prestation);
    const csv = toCsv(
      ['Nom', 'Prénom', 'Âge', 'Prestation', 'Responsable', 'Téléphone', 'E-mail', 'Pointage', "Motif d'absence"],
      rows.map((row) => [
        row.lastName, row.firstName, ageOn(row.birthDate, day), row.prestation, [row.guardianFirstName, row.guardianLastName].filter(Boolean).join(' '), row.phone, row.email,
        row.status === 'present' ? 'présent' : row.status === 'absent' ? 'absent' : '', row.reason,
      ]),
    );
    return csvDownload(c, `presences-${product.id}-${day}.csv`, csv);
  });

  router.post(`/presences/:id${ID}/pointage`, async (c) => {
    const product = await productOf(c);
    let refusal: Refusal | undefined;
    return handleForm(c, {
      schema: markSchema,
      again: ({ values, errors }) => dayPage(c, values, { message: null, refusal: refusal ?? { message: errors.reservation ?? errors.statut ?? errors.motif ?? 'Ce pointage est refusé.' } }),
      save: async (data, values) => {
        const marked = await markAttendance(db, product.id, {
          reservationId: data.reservation, status: data.statut, reason: data.statut === 'absent' ? data.motif : null, method: 'list', staffId: currentUser(c).id, now: now(), today: parisDate(now()), confirmed: data.confirme,
        });
        if (marked.ok) return;
        if (marked.reason === 'unknown') return { reservation: "Cet enfant n'est pas réservé pour cette activité (réservation annulée ?)." };
        if (marked.reason === 'future') return { reservation: notYet(marked.day, of(marked.child)) };
        refusal = { message: gone(marked.day, of(marked.child)), confirm: { action: 'pointage', fields: confirmWith(values, [['reservation', String(data.reservation)], ['statut', 'present']]) } };
        return { reservation: refusal.message };
      },
      then: (data, values) => back(product.id, values, data.statut, [data.reservation]),
    });
  });

  router.post(`/presences/:id${ID}/code`, async (c) => {
    const product = await productOf(c);
    let day: IsoDate = '';
    let refusal: Refusal | undefined;
    let reservation = 0;
    return handleForm(c, {
      schema: codeSchema,
      check: async (values) => {
        day = (await dayOf(product.id, values)).day;
        return {};
      },
      again: ({ values, errors }) => dayPage(c, values, { message: null, code: { value: values.code ?? '', error: errors.code }, refusal }),
      save: async ({ code, confirme }, values) => {
        const result = await checkInByCode(db, { productId: product.id, day, code, staffId: currentUser(c).id, now: now(), today: parisDate(now()), confirmed: confirme });
        if (result.ok) {
          reservation = result.reservationId;
          return;
        }
        switch (result.reason) {
          case 'unknown':
            return { code: 'Aucun billet ne porte ce code.' };
          case 'other-product':
            return { code: "Ce billet est celui d'une autre activité ou d'une autre commune." };
          case 'cancelled':
            return { code: 'Ce billet est annulé : la réservation a été annulée.' };
          case 'future':
            return { code: `Ce billet est pour le ${formatLongDate(result.day)} : il ne peut pas être pointé avant ce jour-là.` };
          case 'other-day':
            return { code: `Ce billet est pour le ${formatLongDate(result.day)}, pas pour le ${formatLongDate(day)} affiché.` };
          case 'already':
            return { code: `La présence ${of(result.child)} est déjà enregistrée.` };
          case 'confirm':
            refusal = { message: gone(result.day, of(result.child)), confirm: { action: 'code', fields: confirmWith(values, [['code', code]]) } };
            return { code: `Ce billet est pour le ${formatLongDate(result.day)}, un jour passé : confirmez avec « Pointer quand même ».` };
        }
      },
      then: (_data, values) => back(product.id, values, 'code', [reservation]),
    });
  });

  router.post(`/presences/:id${ID}/tous-presents`, async (c) => {
    const product = await productOf(c);
    let refusal: Refusal | undefined;
    let chosen: number[] = [];
    let marked: number[] = [];
    return handleForm(c, {
      schema: allSchema,
      check: async (): Promise<Record<string, string>> => {
        chosen = repeatedIds.parse((await c.req.parseBody({ all: true })).enfant).slice(0, 500);
        return chosen.length === 0 ? { enfant: 'Cochez au moins un enfant à noter présent.' } : {};
      },
      again: ({ values, errors }) => dayPage(c, values, { message: null, ticked: chosen, refusal: refusal ?? { message: errors.jour ?? errors.enfant ?? 'Ce pointage est refusé.' } }),
      save: async ({ jour, confirme }, values) => {
        const allowed = presenceAllowed(jour, parisDate(now()), confirme);
        if (allowed === 'future') return { enfant: notYet(jour, 'des enfants') };
        if (allowed === 'confirm') {
          refusal = { message: gone(jour, 'des enfants cochés'), confirm: { action: 'tous-presents', fields: confirmWith(values, chosen.map((id): [string, string] => ['enfant', String(id)])) } };
          return { enfant: refusal.message };
        }
        const noted = await markAllPresent(db, product.id, { day: jour, reservationIds: chosen, staffId: currentUser(c).id, now: now() });
        if (!noted) return { enfant: "Aucun des enfants cochés n'est attendu ce jour-là." };
        marked = noted.map((row) => row.id);
      },
      then: (_data, values) => back(product.id, values, 'tous', marked),
    });
  });

  departureRoutes(router, { db, now }, { dayPage, back });

  return router;
}

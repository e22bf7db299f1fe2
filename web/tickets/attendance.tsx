// Staff: Présences et pointage, for the products of their communes only (another commune's
// product answers 403, in the list, the export and the check-in alike).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { attendanceList, checkInByCode, dayCapacity, markAttendance, nextBookedDay, productsOfCommunes } from '../../db/queries/tickets/attendance.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { ageOn, formatShortDate, isIsoDate, parisDate, type IsoDate } from '../../domain/dates.ts';
import { toCsv } from '../../lib/csv.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { staffProduct } from '../catalogue/index.ts';
import { AttendanceDayPage, AttendanceIndexPage } from './views/attendance.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const attendanceAccess = {
  'GET /agent/presences': { who: 'staff' },
  'GET /agent/presences/:id': { who: 'staff', object: 'commune-product' },
  'GET /agent/presences/:id/export.csv': { who: 'staff', object: 'commune-product' },
  'POST /agent/presences/:id/pointage': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
  'POST /agent/presences/:id/code': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
} satisfies AccessTable;

const messages = { present: 'Présence enregistrée.', absent: 'Absence enregistrée.', code: 'Billet pointé : enfant présent.' };

const markSchema = z.object({
  reservation: z.string({ error: 'Enfant inconnu.' }).regex(/^\d{1,12}$/, 'Enfant inconnu.').transform(Number),
  statut: z.enum(['present', 'absent'], { error: 'Choisissez présent ou absent.' }),
  motif: z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || (value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value)), "Le motif d'absence tient en 200 caractères."),
});

const codeSchema = z.object({
  code: z
    .string({ error: 'Tapez ou scannez le code du billet.' })
    .transform((value) => value.trim().toUpperCase().replace(/\s+/g, ''))
    .refine((value) => value.length > 0, 'Tapez ou scannez le code du billet.')
    .refine((value) => /^[A-Z0-9]{1,20}$/.test(value), "Ce code n'a pas la forme d'un code de billet (10 lettres et chiffres)."),
});

export function attendanceRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const productOf = (c: Context<AppEnv>) => staffProduct(db, c);

  /** The day asked (or the next one with bookings, else today) and the prestation chosen. */
  const dayOf = async (c: Context<AppEnv>, productId: number, values: Record<string, string | undefined>) => {
    const asked = values.jour ?? '';
    const today = parisDate(now());
    const day: IsoDate = isIsoDate(asked) ? asked : ((await nextBookedDay(db, productId, today)) ?? today);
    const prestation = /^\d{1,12}$/.test(values.prestation ?? '') ? Number(values.prestation) : null;
    return { day, prestation };
  };

  const dayPage = async (c: Context<AppEnv>, values: Record<string, string | undefined>, extra: { message?: string | null; code?: { value: string; error?: string | undefined } } = {}) => {
    const product = await productOf(c);
    const { day, prestation } = await dayOf(c, product.id, values);
    const [capacity, rows] = await Promise.all([dayCapacity(db, product.id, day), attendanceList(db, product.id, day, prestation)]);
    return c.render(<AttendanceDayPage product={product} day={day} prestationId={prestation} capacity={capacity} rows={rows} message={extra.message ?? null} code={extra.code} />, {
      title: `Présences – ${product.name}`,
    });
  };

  const back = (productId: number, values: Record<string, string | undefined>, ok: string) => {
    const day = isIsoDate(values.jour ?? '') ? `&jour=${values.jour}` : '';
    const prestation = /^\d{1,12}$/.test(values.prestation ?? '') ? `&prestation=${values.prestation}` : '';
    return `/agent/presences/${productId}?ok=${ok}${day}${prestation}`;
  };

  router.get('/presences', async (c) => {
    const products = await productsOfCommunes(db, await staffCommuneIds(db, currentUser(c)));
    return c.render(<AttendanceIndexPage products={products} />, { title: 'Présences et pointage' });
  });

  router.get(`/presences/:id${ID}`, (c) => dayPage(c, c.req.query(), { message: flash(c, messages) }));

  router.get(`/presences/:id${ID}/export.csv`, async (c) => {
    const product = await productOf(c);
    const { day, prestation } = await dayOf(c, product.id, c.req.query());
    const rows = await attendanceList(db, product.id, day, prestation);
    const csv = toCsv(
      ['Nom', 'Prénom', 'Âge', 'Prestation', 'Responsable', 'Téléphone', 'E-mail', 'Notes (allergies, personnes autorisées)', 'Pointage', "Motif d'absence"],
      rows.map((row) => [
        row.lastName, row.firstName, ageOn(row.birthDate, day), row.prestation, [row.guardianFirstName, row.guardianLastName].filter(Boolean).join(' '), row.phone, row.email,
        row.notes, row.status === 'present' ? 'présent' : row.status === 'absent' ? 'absent' : '', row.reason,
      ]),
    );
    return csvDownload(c, `presences-${product.id}-${day}.csv`, csv);
  });

  router.post(`/presences/:id${ID}/pointage`, async (c) => {
    const product = await productOf(c);
    return handleForm(c, {
      schema: markSchema,
      again: ({ values, errors }) => dayPage(c, values, { message: null, code: { value: '', error: errors.reservation ?? errors.statut ?? errors.motif } }),
      save: async (data) => {
        const marked = await markAttendance(db, product.id, { reservationId: data.reservation, status: data.statut, reason: data.statut === 'absent' ? data.motif : null, method: 'list', staffId: currentUser(c).id, now: now() });
        if (!marked) return { reservation: "Cet enfant n'est pas réservé pour cette activité (réservation annulée ?)." };
      },
      then: (data, values) => back(product.id, values, data.statut),
    });
  });

  router.post(`/presences/:id${ID}/code`, async (c) => {
    const product = await productOf(c);
    let day: IsoDate = '';
    return handleForm(c, {
      schema: codeSchema,
      check: async (values) => {
        day = (await dayOf(c, product.id, values)).day;
        return {};
      },
      again: ({ values, errors }) => dayPage(c, values, { code: { value: values.code ?? '', error: errors.code } }),
      save: async ({ code }) => {
        const result = await checkInByCode(db, { productId: product.id, day, code, staffId: currentUser(c).id, now: now() });
        if (result.ok) return;
        const reasons = {
          unknown: 'Aucun billet ne porte ce code.',
          'other-product': "Ce billet est celui d'une autre activité ou d'une autre commune.",
          cancelled: 'Ce billet est annulé : la réservation a été annulée.',
          'other-day': result.reason === 'other-day' ? `Ce billet est pour le ${formatShortDate(result.day)}, pas pour ce jour.` : '',
          already: result.reason === 'already' ? `${result.child} est déjà pointé présent.` : '',
        };
        return { code: reasons[result.reason] };
      },
      then: (_data, values) => back(product.id, values, 'code'),
    });
  });

  return router;
}

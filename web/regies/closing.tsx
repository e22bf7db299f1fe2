// Staff: the daily closing of a régie of their communes. Every staff member of its communes sees
// the days left open and the oldest's figures; the régisseur and deputies type what the till
// holds, see what the closing will keep (and the differences, which need a note), and confirm.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { closeDay, closedDays, closingBalance, closingStamp, dayFigures, noteNeeded, openDays, staffRegie, type StaffRegie } from '../../db/queries/regies/closing.ts';
import { parisDate } from '../../domain/dates.ts';
import { parseEuros } from '../../domain/money.ts';
import { COUNTED_FIELDS, COUNTED_IN, countedMissing } from '../../domain/regie-closing.ts';
import { type CounterMethod, type RegieMethod } from '../../domain/regies.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { isoDayField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { ClosingConfirmationPage, ClosingPage } from './views/closing.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const closingAccess = {
  'GET /agent/regies/:id/cloture': { who: 'staff', object: 'commune-regie' },
  // The form shows only while a day is open, which the suite's world may not have: its fields are named here.
  'POST /agent/regies/:id/cloture': { who: 'staff', object: 'commune-regie', input: { fields: ['jour', ...Object.values(COUNTED_FIELDS), 'note'] } },
} satisfies AccessTable;

const countedAmount = (method: CounterMethod) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return null;
      const cents = parseEuros(text, { maxDigits: 7 });
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: `Indiquez le montant compté ${COUNTED_IN[method]} en euros (exemple : 125,50).` });
        return z.NEVER;
      }
      return cents;
    });

const closingSchema = z.object({
  jour: isoDayField('La journée à clôturer manque : rechargez la page.'),
  // The names of COUNTED_FIELDS, written out so that the form's type keeps them.
  compte_especes: countedAmount('cash'),
  compte_cheques: countedAmount('cheque'),
  compte_cesu: countedAmount('cesu'),
  compte_cheques_vacances: countedAmount('cheques-vacances'),
  note: z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || (value.length <= 1000 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)), 'La note tient en 1 000 caractères, sans caractères de contrôle.'),
  // The confirmation page's fingerprint of the totals it showed (closingStamp).
  etat: z.string().optional(),
});
type ClosingForm = z.infer<typeof closingSchema>;

const countedOf = (data: ClosingForm): Partial<Record<CounterMethod, number>> => {
  const counted: Partial<Record<CounterMethod, number>> = {};
  for (const [method, field] of Object.entries(COUNTED_FIELDS) as [CounterMethod, string][]) {
    const cents = (data as Record<string, unknown>)[field];
    if (typeof cents === 'number') counted[method] = cents;
  }
  return counted;
};

const fieldOf = (field: string): string => (field in COUNTED_FIELDS ? COUNTED_FIELDS[field as CounterMethod] : field === 'membre' ? 'note' : field);

export function closingRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  /** The régie behind :id, if it is one of the staff member's communes'; 403 otherwise. */
  const inScope = async (c: Context<AppEnv>): Promise<StaffRegie> => {
    const regie = await staffRegie(db, currentUser(c), idParam(c));
    if (!regie) throw new HTTPException(403);
    return regie;
  };

  const page = async (c: Context<AppEnv>, regie: StaffRegie, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const open = await openDays(db, regie.id, parisDate(now()));
    const figures = open[0] ? await dayFigures(db, regie, open[0].day) : null;
    const closed = await closedDays(db, regie.id, { limit: 31 });
    return c.render(<ClosingPage regie={regie} open={open} figures={figures} closed={closed} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, { title: `Clôture de la journée – ${regie.name}` });
  };

  router.get(`/regies/:id${ID}/cloture`, async (c) => page(c, await inScope(c), { message: flash(c, { ok: 'La journée est clôturée : elle est verrouillée, les écritures suivantes vont à la journée d’après.' }) }));

  router.post(`/regies/:id${ID}/cloture`, async (c) => {
    const regie = await inScope(c);
    if (regie.role === null) throw new HTTPException(403);
    const today = parisDate(now());
    return handleForm(c, {
      schema: closingSchema,
      again: (form) => page(c, regie, form),
      preview: async (data, values) => {
        const open = await openDays(db, regie.id, today);
        const oldest = open[0]?.day;
        if (oldest === undefined) return { jour: 'Aucune journée n’est à clôturer : rien n’a été changé.' };
        if (oldest !== data.jour) return { jour: data.jour < oldest ? 'Cette journée est déjà clôturée : rien n’a été changé.' : 'Les journées se clôturent dans l’ordre : clôturez d’abord la plus ancienne.' };
        const figures = await dayFigures(db, regie, data.jour);
        const balance = closingBalance(figures, countedOf(data));
        const errors: FieldErrors = {};
        for (const method of balance.missing) errors[COUNTED_FIELDS[method]] = countedMissing(method);
        if (balance.differences.length > 0 && !data.note) errors.note = noteNeeded(balance.differences);
        if (Object.keys(errors).length > 0) return errors;
        const totals = Object.entries(balance.totals).map(([method, total]) => ({ method: method as RegieMethod, ...total }));
        return c.render(<ClosingConfirmationPage regie={regie} figures={figures} totals={totals} differences={balance.differences} note={data.note} values={{ ...values, etat: closingStamp(balance) }} />, { title: 'Confirmer la clôture' });
      },
      save: async (data): Promise<FieldErrors | void> => {
        // Without the page's fingerprint the régisseur confirmed no figures: refused as changed.
        const closed = await closeDay(db, { regieId: regie.id, day: data.jour, today, staffId: currentUser(c).id, counted: countedOf(data), note: data.note, stamp: data.etat ?? '' });
        if (!closed.ok) return { [fieldOf(closed.field)]: closed.message };
      },
      then: `/agent/regies/${regie.id}/cloture?ok=ok`,
    });
  });

  return router;
}

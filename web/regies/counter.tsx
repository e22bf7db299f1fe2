// Counter payments: staff of the régie's communes record money received at the counter for a
// family of their communes, once confirmed; the form's one-time token moves the money once.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { counterFamilies, recordCounterPayment, type CounterFamily } from '../../db/queries/regies/counter.ts';
import type { RegieDetail } from '../../db/queries/regies/regie-settings.ts';
import { formatEuros } from '../../domain/money.ts';
import { COUNTER_METHODS, type CounterMethod } from '../../domain/regies.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { CONFIRMATION, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { eurosField, idField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { visibleRegie } from './regie-scope.ts';
import { CounterConfirmationPage, CounterPage } from './views/counter.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const counterAccess = {
  'GET /agent/regies/:id/encaissement': { who: 'staff', object: 'commune-regie' },
  'POST /agent/regies/:id/encaissement': { who: 'staff', object: 'commune-regie', input: { form: 'GET /agent/regies/:id/encaissement' } },
} satisfies AccessTable;

const counterMethods = (regie: RegieDetail): CounterMethod[] => COUNTER_METHODS.filter((method) => regie.methods.includes(method));

function counterSchema(methods: CounterMethod[]) {
  return z
    .object({
      famille: idField('Choisissez la famille dans la liste (cherchez-la d’abord par son nom).'),
      montant: eurosField('Indiquez un montant en euros, par exemple 25,00 (10 000 € au plus).', { maxDigits: 4 }),
      moyen: z.string({ error: 'Choisissez un moyen de paiement autorisé par la régie.' }).refine((value): value is CounterMethod => (methods as string[]).includes(value), 'Choisissez un moyen de paiement autorisé par la régie.'),
      numero: z
        .string()
        .optional()
        .transform((value) => (value ?? '').trim())
        .refine((value) => value === '' || /^[0-9A-Za-z][0-9A-Za-z ,.\-/]{0,59}$/.test(value), 'Le numéro ne contient que des chiffres, des lettres, des espaces et , . - / (60 caractères au plus).'),
      // Issued with the form (a fresh one each time the page is drawn): the money moves once per form.
      jeton: z.uuid({ error: 'Ce formulaire a expiré : rechargez la page puis saisissez le paiement à nouveau.' }),
    })
    .superRefine((data, ctx) => {
      if (data.moyen !== 'cash' && data.numero === '') ctx.addIssue({ code: 'custom', path: ['numero'], message: 'Indiquez le numéro du chèque, des CESU ou des chèques vacances.' });
    });
}

const recorded = 'Le paiement est enregistré et le porte-monnaie de la famille crédité.';

export function counterRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const families = async (c: Context<AppEnv>, regie: RegieDetail, text: string, chosen?: string): Promise<CounterFamily[]> => {
    const user = currentUser(c);
    const scope = { regieId: regie.id, staffCommuneIds: user.role === 'admin' ? null : await staffCommuneIds(db, user) };
    const found = await counterFamilies(db, { ...scope, text });
    // The family chosen stays in the list when the form comes back.
    if (chosen && /^\d{1,12}$/.test(chosen) && !found.some((f) => f.id === Number(chosen))) found.unshift(...(await counterFamilies(db, { ...scope, text: '', familyId: Number(chosen) })));
    return found;
  };

  const page = async (c: Context<AppEnv>, regie: RegieDetail, extra: { values?: FormValues; errors?: FieldErrors; done?: { message: string; entryId: number | null } } = {}) => {
    const search = (c.req.query('q') ?? '').trim().slice(0, 100);
    const values = extra.values ?? {};
    return c.render(
      <CounterPage
        regie={regie}
        methods={counterMethods(regie)}
        search={search}
        families={await families(c, regie, search, values.famille)}
        values={values}
        errors={extra.errors ?? {}}
        token={randomUUID()}
        done={extra.done ?? null}
      />,
      { title: `Encaissement – ${regie.name}` },
    );
  };

  router.get(`/:id${ID}/encaissement`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const entry = c.req.query('recu');
    const done = c.req.query('ok') === 'encaisse' ? { message: recorded, entryId: entry && /^\d{1,12}$/.test(entry) ? Number(entry) : null } : undefined;
    return page(c, regie, done ? { done } : {});
  });

  router.post(`/:id${ID}/encaissement`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const user = currentUser(c);
    let entryId: number | null = null;
    const familyOf = async (id: number) => (await families(c, regie, '', String(id))).find((f) => f.id === id) ?? null;
    return handleForm(c, {
      schema: counterSchema(counterMethods(regie)),
      // The token's field is hidden: its message is said next to the amount.
      again: ({ values, errors }) => page(c, regie, { values, errors: errors.jeton ? { ...errors, montant: errors.montant ?? errors.jeton } : errors }),
      preview: async (data, values) => {
        const family = await familyOf(data.famille);
        if (!family) return { famille: 'Choisissez la famille dans la liste (cherchez-la d’abord par son nom).' };
        const fields = Object.entries(values).filter(([name]) => name !== CONFIRMATION.field);
        return c.render(<CounterConfirmationPage regie={regie} family={family} amountCents={data.montant} method={data.moyen} number={data.numero || null} fields={fields} />, { title: 'Confirmer l’encaissement' });
      },
      save: async (data): Promise<FieldErrors | void> => {
        if (!(await familyOf(data.famille))) return { famille: 'Choisissez la famille dans la liste (cherchez-la d’abord par son nom).' };
        const outcome = await recordCounterPayment(db, {
          regieId: regie.id, staffId: user.id, userId: data.famille, amountCents: data.montant, method: data.moyen, documentNumber: data.numero || null, formToken: data.jeton, at: now(),
        });
        // Said with the amount recorded the first time: the form may come back from the history with another one typed.
        if (outcome.outcome === 'replayed') return { montant: `Ce formulaire a déjà été envoyé : le paiement de ${formatEuros(outcome.recordedCents)} est enregistré une seule fois, rien n’a été changé cette fois-ci. Pour un autre montant, rechargez la page.` };
        entryId = outcome.entryId;
      },
      then: () => `/agent/regies/${regie.id}/encaissement?ok=encaisse${entryId !== null ? `&recu=${entryId}` : ''}`,
    });
  });

  return router;
}

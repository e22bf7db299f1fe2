// Vouchers: "Mes bons de réduction" for families; creation by staff for their communes.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { communeOptions, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { createVoucher, productsOfCommunes, staffVouchers, usableVouchers } from '../../db/queries/vouchers/vouchers.ts';
import { parisDate, parseIsoDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { parseEuros } from '../../domain/money.ts';
import { flash, handleForm } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { requiredText } from '../forms/schemas.ts';
import { MyVouchersPage, StaffVouchersPage } from './views/vouchers.tsx';
import type { AccessTable } from '../http/access.ts';

const optionalCount = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{1,6}$/.test(v), 'Un nombre entier, ou vide pour « sans limite ».')
  .transform((v) => (v ? Number(v) : null));
const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .refine((value) => {
      try {
        parseIsoDate(value);
        return true;
      } catch {
        return false;
      }
    }, missing);

const voucherSchema = z
  .object({
    code: z.string({ error: 'Indiquez le code.' }).trim().toUpperCase().regex(/^[A-Z0-9-]{3,30}$/, 'Le code compte 3 à 30 lettres, chiffres ou tirets.'),
    label: requiredText('Indiquez un libellé.', 100),
    kind: z.enum(['amount', 'percent'], { error: 'Choisissez le type.' }),
    value: z.string({ error: 'Indiquez la valeur.' }),
    valid_from: isoDate('Indiquez une date de début valide.'),
    valid_until: isoDate('Indiquez une date de fin valide.'),
    min_order: z.string().optional().refine((v) => !v || parseEuros(v) !== null, 'Un montant en euros, par exemple 10,00.'),
    max_uses: optionalCount,
    max_uses_per_family: optionalCount,
    commune: z.string({ error: 'Choisissez la commune.' }),
  })
  .superRefine((data, ctx) => {
    const value = data.kind === 'amount' ? parseEuros(data.value) : /^\d{1,3}$/.test(data.value.trim()) ? Number(data.value) : null;
    if (!value || value <= 0 || (data.kind === 'percent' && value > 100)) ctx.addIssue({ code: 'custom', path: ['value'], message: data.kind === 'amount' ? 'Un montant en euros, par exemple 5,00.' : 'Un pourcentage entre 1 et 100.' });
    if (data.valid_from > data.valid_until) ctx.addIssue({ code: 'custom', path: ['valid_until'], message: 'La date de fin doit suivre la date de début.' });
  });

/** Who may call each route below (see web/http/access.ts). */
export const voucherAccess = {
  'GET /mon-compte/bons': { who: 'parent' },
  'GET /agent/bons': { who: 'staff' },
  'POST /agent/bons': { who: 'staff', input: { form: 'GET /agent/bons' } },
} satisfies AccessTable;

export function voucherRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  router.get('/mon-compte/bons', async (c) =>
    c.render(<MyVouchersPage vouchers={await usableVouchers(db, currentUser(c).id, parisDate(now()))} />, { title: 'Mes bons de réduction' }),
  );

  async function staffPage(c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldErrors; message?: string | null } = {}) {
    const staff = currentUser(c);
    const communeIds = await staffCommuneIds(db, staff);
    const communes = (await communeOptions(db)).filter((commune) => communeIds.includes(commune.id));
    const products = (await productsOfCommunes(db, communeIds)).map((product) => ({ value: String(product.id), label: `${product.name} (${product.commune})` }));
    const options = [...(staff.role === 'admin' ? [{ value: 'toutes', label: 'Toutes les communes' }] : []), ...communes.map((commune) => ({ value: String(commune.id), label: commune.name }))];
    const vouchers = await staffVouchers(db, communeIds, staff.role === 'admin');
    return c.render(<StaffVouchersPage vouchers={vouchers} communes={options} products={products} {...extra} />, { title: 'Bons de réduction' });
  }

  router.get('/agent/bons', (c) => staffPage(c, { message: flash(c, { '1': 'Le bon de réduction a été créé.' }) }));

  router.post('/agent/bons', async (c) => {
    const staff = currentUser(c);
    const communeIds = await staffCommuneIds(db, staff);
    // The scope: one of the staff's communes (all of them for an admin), a product of it.
    const scope = (values: FormValues) => ({
      commune: values.commune === 'toutes' && staff.role === 'admin' ? null : Number(values.commune),
      productId: /^\d{1,12}$/.test(values.produit ?? '') ? Number(values.produit) : null,
    });
    return handleForm(c, {
      schema: voucherSchema,
      check: async (values) => {
        const { commune, productId } = scope(values);
        const errors: FieldErrors = {};
        if (commune !== null && !communeIds.includes(commune)) errors.commune = 'Choisissez une de vos communes.';
        if (productId !== null) {
          const product = (await productsOfCommunes(db, communeIds)).find((p) => p.id === productId);
          if (!product || (commune !== null && product.commune_id !== commune)) errors.produit = 'Choisissez un produit de la commune choisie.';
        }
        return errors;
      },
      again: (form) => staffPage(c, form),
      save: async (data, values) => {
        const { commune, productId } = scope(values);
        try {
          await createVoucher(db, {
            code: data.code,
            label: data.label,
            kind: data.kind,
            value: data.kind === 'amount' ? parseEuros(data.value)! : Number(data.value),
            valid_from: data.valid_from,
            valid_until: data.valid_until,
            min_order_cents: data.min_order ? parseEuros(data.min_order)! : 0,
            max_uses: data.max_uses,
            max_uses_per_family: data.max_uses_per_family,
            commune_id: commune,
            product_id: productId,
            created_by: staff.id,
          });
        } catch (error) {
          if (!isUniqueViolation(error, 'vouchers_code_key')) throw error;
          return { code: 'Ce code existe déjà.' };
        }
      },
      then: '/agent/bons?ok=1',
    });
  });

  return router;
}

// The journal's filter as the page's GET form sends it: a day or a range of days (a year at
// most), a method, a product. Empty, it is today's journal.
import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from '../../domain/dates.ts';
import { REGIE_METHODS, type RegieMethod } from '../../domain/regies.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';

export interface JournalQuery {
  from: IsoDate;
  to: IsoDate;
  method: RegieMethod | null;
  productId: number | null;
}

const day = (message: string) => z.string().optional().refine((value) => !value || isIsoDate(value), message);

const schema = z.object({
  du: day('Indiquez un jour valide, par exemple 08/12/2026.'),
  au: day('Indiquez un jour valide, par exemple 08/12/2026.'),
  moyen: z.string().optional().refine((value): value is RegieMethod | undefined => !value || (REGIE_METHODS as readonly string[]).includes(value), 'Choisissez un moyen de paiement de la liste.'),
  produit: z.string().optional().refine((value) => !value || /^\d{1,12}$/.test(value), 'Choisissez un produit de la liste.'),
});

export function readJournalQuery(values: FormValues, today: IsoDate): { ok: true; query: JournalQuery } | { ok: false; errors: FieldErrors } {
  const parsed = validateForm(schema, values);
  if (!parsed.ok) return parsed;
  const from = parsed.data.du || parsed.data.au || today;
  const to = parsed.data.au || from;
  if (to < from) return { ok: false, errors: { au: 'Le dernier jour vient après le premier.' } };
  if (addDays(from, 366) < to) return { ok: false, errors: { au: 'Choisissez une période d’un an au plus.' } };
  return { ok: true, query: { from, to, method: (parsed.data.moyen || null) as RegieMethod | null, productId: parsed.data.produit ? Number(parsed.data.produit) : null } };
}

/** The filter as a query string, for the CSV export and links. */
export function journalQueryString(query: JournalQuery): string {
  const params = new URLSearchParams({ du: query.from, au: query.to });
  if (query.method) params.set('moyen', query.method);
  if (query.productId !== null) params.set('produit', String(query.productId));
  return params.toString();
}

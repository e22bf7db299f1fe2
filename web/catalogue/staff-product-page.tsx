// The page of one product in the back office, rendered by the routes that show it and by those
// whose refused form shows it again with the typed values and errors.
import type { Context } from 'hono';
import { capacityGrid, productPrestations } from '../../db/queries/catalogue/catalogue-admin.ts';
import { monthDays, productDetails } from '../../db/queries/catalogue/catalogue-edit.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { CatalogueProductPage, type SentForm } from './views/staff-product.tsx';
import { pricingRulesToForm } from './pricing-form.ts';
import { staffProduct } from './staff-product.ts';

export interface ProductPageExtra {
  message?: string | null;
  error?: string | undefined;
  sent?: SentForm;
}

export function productPage({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return async (c: Context<AppEnv>, extra: ProductPageExtra = {}) => {
    const product = await staffProduct(db, c);
    const [prestations, details] = await Promise.all([productPrestations(db, product.id), productDetails(db, product.id)]);
    const today = parisDate(now());
    const asked = c.req.query('mois');
    const first = details.season_start.slice(0, 7);
    const last = details.season_end.slice(0, 7);
    const current = today.slice(0, 7) < first ? first : today.slice(0, 7) > last ? last : today.slice(0, 7);
    const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked >= first && asked <= last ? asked : current;
    const [grid, days] = await Promise.all([capacityGrid(db, product.id, today, addDays(today, 27), now()), monthDays(db, product.id, month, now())]);
    const stored = {
      categorie: details.category, nom: details.name, description: details.description, vente: details.channel === 'mairie' ? 'mairie' : 'en-ligne',
      delai_jours: String(details.booking_deadline_days), delai_heure: String(details.booking_deadline_hour), annul_jours: String(details.cancel_deadline_days),
      annul_heure: String(details.cancel_deadline_hour), absence_heures: String(details.absence_declare_hours), certificat_jours: String(details.absence_certificate_days),
      attente_heures: String(details.waitlist_offer_hours), ...(details.waitlist_residents_first ? { attente_residents: 'oui' } : {}),
      ...pricingRulesToForm(details.rules),
    };
    return c.render(
      <CatalogueProductPage
        product={{ ...product, published: details.published, weekdays: details.weekdays, season_start: details.season_start, season_end: details.season_end, closed_days: details.closed_days }}
        stored={stored}
        storedRequired={details.required_documents}
        prestations={prestations}
        grid={grid}
        month={month}
        monthDays={days}
        message={extra.message ?? null}
        error={extra.error}
        sent={extra.sent}
      />,
      { title: `Catalogue – ${details.name}` },
    );
  };
}

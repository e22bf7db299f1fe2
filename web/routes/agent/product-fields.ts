// The fields of a product that staff set at its creation and change later: category, name,
// description, channel (online or at the town hall) and the booking and cancellation deadlines.
import { z } from 'zod';
import type { ProductCategory } from '../../../db/database.ts';
import { requiredText, wholeNumberField } from '../../schemas.ts';
import { categories } from '../../views/categories.ts';

export const productDetailFields = {
  categorie: z.enum(categories.map((c) => c.slug) as [ProductCategory, ...ProductCategory[]], { error: 'Choisissez la catégorie.' }),
  nom: requiredText("Indiquez le nom de l'activité.", 100),
  description: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value.length <= 2000, '2 000 caractères au plus.'),
  vente: z.enum(['en-ligne', 'mairie'], { error: 'Choisissez comment les familles réservent.' }),
  delai_jours: wholeNumberField('Un nombre de jours ouvrés, de 0 à 30.', 0, 30),
  delai_heure: wholeNumberField('Une heure de 0 à 23.', 0, 23),
  annul_jours: wholeNumberField('Un nombre de jours ouvrés, de 0 à 30.', 0, 30),
  annul_heure: wholeNumberField('Une heure de 0 à 23.', 0, 23),
};

type Details = z.infer<z.ZodObject<typeof productDetailFields>>;

/** The fields read into the words of db/queries. */
export const productDetailsOf = (data: Details) => ({
  category: data.categorie,
  name: data.nom,
  description: data.description,
  channel: data.vente === 'mairie' ? ('mairie' as const) : ('online' as const),
  deadlineDays: data.delai_jours,
  deadlineHour: data.delai_heure,
  cancelDeadlineDays: data.annul_jours,
  cancelDeadlineHour: data.annul_heure,
});

// The fields of a product that staff set at its creation and change later: category, name,
// description, channel (online or at the town hall), the booking and cancellation deadlines and
// the delays of an absence for illness (its declaration after the day, its certificate) and the
// waiting list's rules (how long a freed place waits for the family offered it, residents first).
import { z } from 'zod';
import type { ProductCategory } from '../../db/database.ts';
import { requiredText, wholeNumberField } from '../forms/schemas.ts';
import { categories } from '../layout/categories.ts';

/** A field left empty (or absent from an older form) takes the product's default. */
const withDefault = <T extends z.ZodType<unknown, string>>(fallback: string, field: T) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : value))
    .pipe(field);

export const productDetailFields = {
  categorie: z.enum(categories.map((c) => c.slug) as [ProductCategory, ...ProductCategory[]], { error: 'Choisissez la catégorie.' }),
  nom: requiredText("Indiquez le nom de l'activité.", 100),
  description: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value.length <= 2000, '2 000 caractères au plus.'),
  vente: z.enum(['en-ligne', 'mairie'], { error: 'Choisissez comment les familles réservent.' }),
  delai_jours: wholeNumberField('Un nombre de jours ouvrés, de 0 à 30.', 0, 30),
  delai_heure: wholeNumberField('Une heure de 0 à 23.', 0, 23),
  annul_jours: wholeNumberField('Un nombre de jours ouvrés, de 0 à 30.', 0, 30),
  annul_heure: wholeNumberField('Une heure de 0 à 23.', 0, 23),
  absence_heures: withDefault('48', wholeNumberField('Un nombre d’heures, de 0 à 720.', 0, 720)),
  certificat_jours: withDefault('7', wholeNumberField('Un nombre de jours, de 1 à 60.', 1, 60)),
  attente_heures: withDefault('12', wholeNumberField('Un nombre d’heures, de 1 à 168.', 1, 168)),
  // A checkbox: absent when unchecked.
  attente_residents: z.enum(['oui'], { error: 'Cochez la case ou laissez-la vide.' }).optional(),
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
  absenceDeclareHours: data.absence_heures,
  absenceCertificateDays: data.certificat_jours,
  waitlistOfferHours: data.attente_heures,
  waitlistResidentsFirst: data.attente_residents === 'oui',
});

// Field rules shared by the forms, with their French messages.
import { z } from 'zod';
import { parseEuros } from '../../domain/money.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { isPostalCode } from '../../domain/family.ts';

export const emailField = z
  .string({ error: 'Indiquez votre adresse e-mail.' })
  .trim()
  .min(1, 'Indiquez votre adresse e-mail.')
  .max(254, "L'adresse e-mail est trop longue.")
  .pipe(z.email({ error: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }));

export function requiredText(missing: string, max = 100) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${max} caractères au maximum.`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Ce champ contient des caractères non autorisés.');
}

export const phoneField = z
  .string({ error: 'Indiquez votre numéro de téléphone.' })
  .trim()
  .min(1, 'Indiquez votre numéro de téléphone.')
  .max(30, 'Le numéro de téléphone est trop long.')
  .refine((value) => /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/.test(value), 'Le numéro de téléphone doit être un numéro français (exemple : 06 12 34 56 78).');

/** A new password and its confirmation; the policy itself is checked by domain/password-policy. */
export const newPasswordFields = {
  password: z.string({ error: 'Choisissez un mot de passe.' }).min(1, 'Choisissez un mot de passe.'),
  password_confirmation: z.string({ error: 'Confirmez le mot de passe.' }),
};

/** An amount typed in euros ("12,50", "-2"), as integer cents. */
export function eurosField(message: string, options: { allowNegative?: boolean; maxDigits?: number; allowZero?: boolean } = {}) {
  return z
    .string({ error: message })
    .transform((text, ctx) => {
      const cents = parseEuros(text, options);
      if (cents === null || (cents === 0 && !options.allowZero)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return cents;
    });
}

/** A day typed in a date field ("2026-12-09"), refused with the message when it is none. */
export const isoDayField = (message: string) => z.string({ error: message }).refine(isIsoDate, message);

/** A whole number typed in a field, between `min` and `max`. */
export const wholeNumberField = (message: string, min: number, max: number) =>
  z.string({ error: message }).trim().regex(/^\d{1,5}$/, message).transform(Number).refine((n) => n >= min && n <= max, message);

/** The id a hidden field or a select carries. */
export const idField = (message: string) => z.string({ error: message }).regex(/^\d{1,12}$/, message).transform(Number);

/** An optional text: trimmed, `max` characters at most, null when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au maximum.`)
    .optional()
    .transform((value) => value || null);

/** A field sent any number of times (checkboxes), as the list of its values. */
export const repeated = z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(z.unknown()));

/** Its text values, each once (a file sent in its place is left out). */
export const repeatedText = repeated.transform((values) => [...new Set(values.filter((value): value is string => typeof value === 'string'))]);

/** The ids among a field's values, each once (others are left out: a form only sends ids it drew). */
export const ids = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && /^\d{1,12}$/.test(v)).map(Number))];

/** A field of ids sent any number of times (checkboxes). */
export const repeatedIds = repeated.transform(ids);

/** A text the handler checks against what it knows (a month of the season, a link's token): '' when absent. */
export const anyText = z.string().optional().transform((value) => value ?? '');

/** An address of Mes adresses, typed there or at the checkout's address step. */
export const addressSchema = z.object({
  label: requiredText("Donnez un nom à l'adresse (par exemple : Domicile).", 60),
  line1: requiredText("Indiquez l'adresse.", 200),
  line2: optionalText(200),
  postal_code: z.string({ error: 'Indiquez le code postal.' }).trim().refine(isPostalCode, 'Le code postal doit compter 5 chiffres (exemple : 43000).'),
  city: requiredText('Indiquez la commune.', 100),
});

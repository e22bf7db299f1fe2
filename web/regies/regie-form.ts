// The régie's settings form as administrators fill it: the rules of each field with their French
// messages, and the rules across fields (members among the staff of the communes chosen, PayFiP
// only with its client number). Checkbox fields come as lists.
import type { Context } from 'hono';
import { z } from 'zod';
import { REGIE_METHODS, type RegieMethod } from '../../domain/regies.ts';
import type { RegieSettings } from '../../db/queries/regies/regie-settings.ts';
import type { AppEnv } from '../http/env.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { ids, requiredText } from '../forms/schemas.ts';

/** The form's values as typed, its checkbox fields as lists. */
export interface RegieFormValues {
  values: FormValues;
  lists: { moyens: string[]; communes: string[]; suppleants: string[] };
}

const optionalPattern = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .refine((value) => value === '' || pattern.test(value), message)
    .transform((value) => (value === '' ? null : value));

const schema = z.object({
  nom: requiredText('Indiquez le nom de la régie (comme dans son acte constitutif).', 120).refine((value) => value.length >= 3, 'Le nom compte au moins 3 caractères.'),
  moyens: z.array(z.string()).transform((values) => REGIE_METHODS.filter((method) => values.includes(method))).refine((methods) => methods.length > 0, 'Cochez au moins un moyen de paiement autorisé par l’acte de la régie.'),
  communes: z.array(z.string()).transform(ids).refine((list) => list.length > 0, 'Cochez au moins une commune.'),
  regisseur: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || /^\d{1,12}$/.test(value), 'Choisissez le régisseur dans la liste.')
    .transform((value) => (value ? Number(value) : null)),
  suppleants: z.array(z.string()).transform(ids),
  paybox_site: optionalPattern(/^\d{7}$/, 'Le numéro de site Paybox compte 7 chiffres.'),
  paybox_rang: optionalPattern(/^\d{2}$/, 'Le rang Paybox compte 2 chiffres.'),
  paybox_identifiant: optionalPattern(/^\d{1,9}$/, 'L’identifiant Paybox compte 1 à 9 chiffres.'),
  paybox_cle: optionalPattern(/^[0-9A-Fa-f]{128}$/, 'La clé HMAC compte 128 caractères hexadécimaux (0 à 9, A à F).').transform((value) => value?.toUpperCase() ?? null),
  paybox_direct: optionalPattern(/^[!-~]{1,64}$/, 'La clé Paybox Direct compte 1 à 64 caractères, sans espace ni accent.'),
  payfip_numcli: optionalPattern(/^\d{6}$/, 'Le numéro client PayFiP compte 6 chiffres.'),
  payfip_saisie: z.enum(['T', 'X', 'W'], { error: 'Choisissez le mode PayFiP : test, activation ou production.' }),
  pes_id_post: optionalPattern(/^\d{6,7}$/, 'Le code du poste comptable compte 6 ou 7 chiffres.'),
  pes_id_coll: optionalPattern(/^\d{14}$/, 'Le SIRET de la collectivité compte 14 chiffres.'),
  pes_cod_col: optionalPattern(/^[0-9A-Za-z]{1,3}$/, 'Le code collectivité compte 1 à 3 chiffres ou lettres.'),
  pes_cod_bud: optionalPattern(/^[0-9A-Za-z]{1,2}$/, 'Le code budget compte 1 ou 2 chiffres ou lettres.'),
});

const strings = (value: unknown): string[] => [value ?? []].flat().filter((item): item is string => typeof item === 'string');

export async function readRegieForm(c: Context<AppEnv>): Promise<RegieFormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    const last = strings(value).at(-1);
    if (last !== undefined) values[name] = last;
  }
  return { values, lists: { moyens: strings(body.moyens), communes: strings(body.communes), suppleants: strings(body.suppleants) } };
}

export type RegieFormResult = { ok: true; settings: RegieSettings; hmacKey: string | null; directKey: string | null } | { ok: false; errors: FieldErrors };

/** Checks the form against its rules, the communes that exist and the staff who serve them. */
export function checkRegieForm(form: RegieFormValues, known: { communeIds: number[]; staff: { id: number; communeIds: number[] }[] }): RegieFormResult {
  const parsed = validateForm(schema, { ...form.values, ...form.lists } as unknown as FormValues);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const errors: FieldErrors = {};
  if (data.communes.some((id) => !known.communeIds.includes(id))) errors.communes = 'Cochez des communes de la liste.';
  const serves = (userId: number) => known.staff.find((s) => s.id === userId)?.communeIds.some((id) => data.communes.includes(id)) ?? false;
  if (data.regisseur !== null && !serves(data.regisseur)) errors.regisseur = 'Le régisseur est un agent de l’une des communes de la régie.';
  if (data.suppleants.some((id) => !serves(id))) errors.suppleants = 'Les suppléants sont des agents des communes de la régie.';
  if (data.regisseur !== null && data.suppleants.includes(data.regisseur)) errors.suppleants = 'Le régisseur ne peut pas être aussi son propre suppléant.';
  const payfip = data.moyens.some((method: RegieMethod) => method === 'payfip-card' || method === 'payfip-sepa');
  if (payfip && data.payfip_numcli === null) errors.payfip_numcli = 'Indiquez le numéro client PayFiP pour accepter PayFiP.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    hmacKey: data.paybox_cle,
    directKey: data.paybox_direct,
    settings: {
      name: data.nom, methods: data.moyens, communeIds: data.communes, regisseurId: data.regisseur, deputyIds: data.suppleants,
      payboxSite: data.paybox_site, payboxRang: data.paybox_rang, payboxIdentifiant: data.paybox_identifiant,
      payfipNumcli: data.payfip_numcli, payfipSaisie: data.payfip_saisie,
      pesIdPost: data.pes_id_post, pesIdColl: data.pes_id_coll, pesCodCol: data.pes_cod_col, pesCodBud: data.pes_cod_bud,
    },
  };
}

/** The stored settings as the form shows them (the key never: it is write-only). */
export function formOfSettings(settings: RegieSettings): RegieFormValues {
  return {
    values: {
      nom: settings.name, regisseur: settings.regisseurId === null ? '' : String(settings.regisseurId),
      paybox_site: settings.payboxSite ?? '', paybox_rang: settings.payboxRang ?? '', paybox_identifiant: settings.payboxIdentifiant ?? '',
      payfip_numcli: settings.payfipNumcli ?? '', payfip_saisie: settings.payfipSaisie,
      pes_id_post: settings.pesIdPost ?? '', pes_id_coll: settings.pesIdColl ?? '', pes_cod_col: settings.pesCodCol ?? '', pes_cod_bud: settings.pesCodBud ?? '',
    },
    lists: { moyens: settings.methods, communes: settings.communeIds.map(String), suppleants: settings.deputyIds.map(String) },
  };
}

export const REGIE_FIELD_LABELS: Record<string, string> = {
  nom: 'Nom de la régie', communes: 'Communes', regisseur: 'Régisseur', suppleants: 'Suppléants', moyens: 'Moyens de paiement autorisés',
  paybox_site: 'Site Paybox', paybox_rang: 'Rang Paybox', paybox_identifiant: 'Identifiant Paybox', paybox_cle: 'Clé HMAC Paybox', paybox_direct: 'Clé Paybox Direct',
  payfip_numcli: 'Numéro client PayFiP', payfip_saisie: 'Mode PayFiP', pes_id_post: 'Poste comptable (IdPost)', pes_id_coll: 'SIRET de la collectivité (IdColl)',
  pes_cod_col: 'Code collectivité (CodCol)', pes_cod_bud: 'Code budget (CodBud)',
};

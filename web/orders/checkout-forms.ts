// The checkout's forms, each read by its schema: the voucher's code, the address chosen, the
// terms accepted, and the payment's plan (a card type and whether the wallet pays first). What the
// order refuses (an unknown voucher, an address of another family) its step says next to the field.
import { z } from 'zod';
import { CARD_TYPES, type CardType } from '../../lib/payments/paybox.ts';
import { anyText as text } from '../forms/schemas.ts';

export const voucherForm = z.object({ code: text.transform((code) => code.slice(0, 30)) });

/** An address of the family's, by its id; anything else is 0, which no address has. */
export const addressChoiceForm = z.object({
  adresse: text.transform((value) => {
    const id = Number(value);
    return Number.isSafeInteger(id) ? id : 0;
  }),
});

export const termsForm = z.object({
  cgv: z.literal('1', { error: 'Cochez la case pour accepter les conditions générales de vente avant de commander.' }),
});

/** No card chosen is null: the order refuses a card part without one. PAYFIP: the DGFiP's service, where the régie offers it. */
export const paymentPlanForm = z.object({
  carte: text.transform((value): CardType | 'PAYFIP' | null => (Object.hasOwn(CARD_TYPES, value) || value === 'PAYFIP' ? (value as CardType | 'PAYFIP') : null)),
  porte_monnaie: text.transform((value) => value === 'tout' || value === 'solde'),
});

// The checkout's forms read alone: a card is one of the provider's, never a name every object has.
import { describe, expect, it } from 'vitest';
import { validateForm } from '../forms/forms.ts';
import { addressChoiceForm, paymentPlanForm, termsForm, voucherForm } from './checkout-forms.ts';

describe('checkout forms', () => {
  it('take a card the provider knows, and no other name', () => {
    expect(paymentPlanForm.parse({ carte: 'VISA', porte_monnaie: 'tout' })).toEqual({ carte: 'VISA', porte_monnaie: true });
    for (const carte of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'visa', '']) {
      expect(paymentPlanForm.parse({ carte }).carte, carte).toBeNull();
    }
    expect(paymentPlanForm.parse({}).porte_monnaie).toBe(false);
  });

  it('read an address by its id, a voucher code cut to 30 characters, and the terms ticked', () => {
    expect(addressChoiceForm.parse({ adresse: '12' }).adresse).toBe(12);
    expect(addressChoiceForm.parse({ adresse: 'douze' }).adresse).toBe(0);
    expect(voucherForm.parse({ code: 'A'.repeat(40) }).code).toHaveLength(30);
    expect(validateForm(termsForm, { cgv: '1' }).ok).toBe(true);
    expect(validateForm(termsForm, {})).toEqual({ ok: false, errors: { cgv: 'Cochez la case pour accepter les conditions générales de vente avant de commander.' } });
  });
});

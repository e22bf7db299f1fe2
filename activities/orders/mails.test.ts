// The confirmation mail tells what the family paid: the total net of its voucher, the voucher said.
import { describe, expect, it } from 'vitest';
import { orderMail } from './mails.ts';

const facts = (discount: number) =>
  ({
    order: { number: '2026-000042', total_cents: 1580, discount_cents: discount, abandon_reason: null },
    user: { email: 'famille@example.fr', first_name: 'Claire' },
    lines: [
      { product: 'Accueil', prestation: 'Matin', first_name: 'Jérémy', last_name: 'Pardon', service_date: '2026-12-09', price_cents: 790 },
      { product: 'Accueil', prestation: 'Matin', first_name: 'Jérémy', last_name: 'Pardon', service_date: '2026-12-16', price_cents: 790 },
    ],
  }) as unknown as Parameters<typeof orderMail>[1];

describe('orderMail', () => {
  it('says the amount paid net of the voucher, and the voucher', () => {
    const mail = orderMail('confirmed', facts(790), 'http://localhost:3000');
    expect(mail.text).toContain('est payée (7,90\u00a0€)');
    expect(mail.text).toContain('Bon de réduction : -7,90\u00a0€ sur un total de 15,80\u00a0€.');
  });

  it('says nothing of a voucher when there is none', () => {
    const mail = orderMail('confirmed', facts(0), 'http://localhost:3000');
    expect(mail.text).toContain('est payée (15,80\u00a0€)');
    expect(mail.text).not.toContain('Bon de réduction');
  });
});

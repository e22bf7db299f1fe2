// The mails an order sends when it ends: confirmed with its reservations, or not completed.
import { formatShortDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail } from '../../lib/mail/compose.ts';
import type { orderMailFacts } from '../../db/queries/orders/order-outcome.ts';

type Facts = Awaited<ReturnType<typeof orderMailFacts>>;

export function orderMail(kind: 'confirmed' | 'abandoned', { order, user, lines }: Facts, publicUrl: string) {
  const greeting = user.first_name ? `Bonjour ${user.first_name},` : 'Bonjour,';
  if (kind === 'abandoned') {
    return composeMail({
      subject: `Commande ${order.number} non aboutie`,
      greeting,
      paragraphs: [`Votre commande ${order.number} n'a pas pu être payée : ${order.abandon_reason ?? ''}.`, 'Les places ont été libérées et ce que vous aviez déjà payé vous a été rendu sur votre porte-monnaie.'],
    });
  }
  const recap = lines.map((l) => `${l.product} ${l.prestation} – ${l.first_name} ${l.last_name} – ${formatShortDate(l.service_date)} – ${formatEuros(l.price_cents)}`);
  return composeMail({
    subject: `Commande ${order.number} confirmée`,
    greeting,
    paragraphs: [
      `Votre commande ${order.number} est payée (${formatEuros(order.total_cents - order.discount_cents)}). Vos réservations :`,
      ...recap,
      ...(order.discount_cents > 0 ? [`Bon de réduction : -${formatEuros(order.discount_cents)} sur un total de ${formatEuros(order.total_cents)}.`] : []),
    ],
    action: { label: 'Voir mes réservations', url: `${publicUrl}/mon-compte` },
  });
}

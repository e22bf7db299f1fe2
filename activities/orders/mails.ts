// The orders' mails: an order confirmed with its reservations or not completed, a reservation the
// family cancelled, and reservations the commune cancelled (where each euro goes back).
import { formatLongDate, formatShortDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';
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

/** A reservation the family cancelled before its deadline, refunded to the wallet. */
export function reservationCancelledMail(input: { firstName: string | null; product: string; serviceDate: string; refundedCents: number; publicUrl: string }): ComposedMail {
  return composeMail({
    subject: 'Réservation annulée',
    greeting: input.firstName ? `Bonjour ${input.firstName},` : 'Bonjour,',
    paragraphs: [`Votre réservation « ${input.product} » du ${formatLongDate(input.serviceDate)} est annulée.`, `${formatEuros(input.refundedCents)} ont été rendus sur votre porte-monnaie.`],
    action: { label: 'Mon porte-monnaie', url: `${input.publicUrl}/mon-compte/porte-monnaie` },
  });
}

/** Reservations of an order the commune cancelled, and where each euro goes back (the wallet now, the card within the provider's delay). */
export interface CancelledLine {
  product: string;
  day: string;
  child: string;
  walletCents: number;
  cardCents: number;
}

export function staffCancellationMail(input: { firstName: string | null; number: string; reason: string; lines: CancelledLine[]; link: string }): ComposedMail {
  const wallet = input.lines.reduce((sum, line) => sum + line.walletCents, 0);
  const card = input.lines.reduce((sum, line) => sum + line.cardCents, 0);
  const refunds = [
    ...(wallet > 0 ? [`${formatEuros(wallet)} ont été crédités sur votre porte-monnaie.`] : []),
    ...(card > 0 ? [`${formatEuros(card)} sont remboursés sur la carte bancaire qui a payé la commande ; le remboursement apparaît sous quelques jours ouvrés.`] : []),
  ];
  return composeMail({
    subject: `Réservation annulée par la commune (commande ${input.number})`,
    greeting: input.firstName ? `Bonjour ${input.firstName},` : 'Bonjour,',
    paragraphs: [
      `La commune a annulé ${input.lines.length > 1 ? 'les réservations suivantes' : 'la réservation suivante'} de votre commande ${input.number}, pour ce motif : ${input.reason}`,
      ...input.lines.map((line) => `${line.child} – ${line.product}, le ${formatShortDate(line.day)}`),
      ...refunds,
    ],
    action: { label: 'Voir mes réservations', url: input.link },
  });
}

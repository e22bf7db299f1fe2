// The mail a family receives when the commune cancels some of its reservations: what was cancelled,
// why, and where each euro goes back (the wallet now, the card within the provider's delay).
import { formatShortDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

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

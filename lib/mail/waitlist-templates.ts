// The mail of a waiting list's offer: a place freed for the child, held in the family's cart until
// the offer's deadline, one click from the checkout.
import { formatLongDate, formatParisWeekdayHour } from '../../domain/dates.ts';
import { composeMail, type ComposedMail } from './compose.ts';

export const waitlistMails = {
  offer: (facts: { firstName: string | null; child: string; product: string; day: string; until: Date; link: string }): ComposedMail =>
    composeMail({
      subject: `Une place s’est libérée : ${facts.product}`,
      greeting: facts.firstName ? `Bonjour ${facts.firstName},` : 'Bonjour,',
      paragraphs: [
        `Une place s’est libérée le ${formatLongDate(facts.day)} pour ${facts.child} (${facts.product}). Elle vous est réservée dans votre panier jusqu’au ${formatParisWeekdayHour(facts.until)}.`,
        'Passez la commande avant cette heure pour la garder ; sans commande, elle est proposée à la famille suivante.',
      ],
      action: { label: 'Voir mon panier', url: facts.link },
    }),
};

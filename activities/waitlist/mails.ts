// The mail of a waiting list's offer: a place freed for the child, held in the family's cart until
// the offer's deadline, one click from the checkout.
import { formatLongDate, formatParisWeekdayHour } from '../../domain/dates.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

/** An offer as db/queries/waitlist/waitlist-offers.ts reads it (`offerMailFacts`). */
export interface OfferFacts {
  email: string;
  first_name: string | null;
  child: string;
  product: string;
  service_date: string;
  offered_until: Date;
}

/** A line that ended before a place came, as `lineEndedMailFacts` reads it. */
export interface LineEndedFacts {
  email: string;
  first_name: string | null;
  child: string;
  product_id: number;
  product: string;
  service_date: string;
  dayClosed: boolean;
}

export const waitlistMails = {
  /** The mail of an offer, to its family, linking to the cart that holds the place. */
  offer: (facts: OfferFacts, publicUrl: string): { to: string; mail: ComposedMail } => ({
    to: facts.email,
    mail: composeMail({
      subject: `Une place s’est libérée : ${facts.product}`,
      greeting: facts.first_name ? `Bonjour ${facts.first_name},` : 'Bonjour,',
      paragraphs: [
        `Une place s’est libérée le ${formatLongDate(facts.service_date)} pour ${facts.child} (${facts.product}). Elle vous est réservée dans votre panier jusqu’au ${formatParisWeekdayHour(facts.offered_until)}.`,
        'Passez la commande avant cette heure pour la garder ; sans commande, elle est proposée à la famille suivante.',
      ],
      action: { label: 'Voir mon panier', url: `${publicUrl}/panier` },
    }),
  }),
  /** The mail to a family still waiting when its line ended: the day closed, or too late to book it. */
  lineEnded: (facts: LineEndedFacts, publicUrl: string): { to: string; mail: ComposedMail } => ({
    to: facts.email,
    mail: composeMail({
      subject: `Liste d’attente close : ${facts.product}, ${formatLongDate(facts.service_date)}`,
      greeting: facts.first_name ? `Bonjour ${facts.first_name},` : 'Bonjour,',
      paragraphs: [
        facts.dayClosed
          ? `Le ${formatLongDate(facts.service_date)} est fermé (${facts.product}) : la liste d’attente de ce jour est close et ${facts.child} n’y figure plus.`
          : `Aucune place ne s’est libérée pour ${facts.child} le ${formatLongDate(facts.service_date)} (${facts.product}) avant la fin des réservations de ce jour : la liste d’attente est close.`,
        'Rien ne vous a été facturé pour ce jour.',
      ],
      action: { label: 'Voir les autres jours', url: `${publicUrl}/produits/${facts.product_id}` },
    }),
  }),
};

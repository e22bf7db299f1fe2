// The mails of an absence for illness, one per step: declared (the certificate to send by its
// day), the reminder before that day, the certificate received, then accepted with the sum
// credited, refused with staff's reason, or unjustified when no certificate came.
import { formatShortDate, formatParisWeekdayHour } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

export interface AbsenceFacts {
  firstName: string | null;
  child: string;
  product: string;
  days: string[];
  certificateDueAt: Date;
  link: string;
}

const hello = (firstName: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');
const which = (facts: AbsenceFacts) => `${facts.child}, ${facts.product} : ${facts.days.map(formatShortDate).join(', ')}`;
const action = (facts: AbsenceFacts) => ({ label: 'Voir mon absence', url: facts.link });

export const absenceMails = {
  declared: (facts: AbsenceFacts): ComposedMail =>
    composeMail({
      subject: 'Votre déclaration d’absence',
      greeting: hello(facts.firstName),
      paragraphs: [`Nous avons bien reçu votre déclaration d’absence pour maladie (${which(facts)}).`, `Déposez le certificat médical avant le ${formatParisWeekdayHour(facts.certificateDueAt)} : sans lui, l’absence reste non justifiée et rien n’est remboursé.`],
      action: action(facts),
    }),

  reminder: (facts: AbsenceFacts): ComposedMail =>
    composeMail({
      subject: 'Rappel : le certificat médical de votre absence',
      greeting: hello(facts.firstName),
      paragraphs: [`Nous n’avons pas encore reçu le certificat médical de l’absence déclarée (${which(facts)}). Déposez-le avant le ${formatParisWeekdayHour(facts.certificateDueAt)}.`],
      action: action(facts),
    }),

  received: (facts: AbsenceFacts): ComposedMail =>
    composeMail({
      subject: 'Certificat médical reçu',
      greeting: hello(facts.firstName),
      paragraphs: [`Le certificat médical de l’absence (${which(facts)}) est bien arrivé. Votre mairie l’examine et vous écrit dès sa décision.`],
      action: action(facts),
    }),

  accepted: (facts: AbsenceFacts, creditedCents: number): ComposedMail =>
    composeMail({
      subject: 'Absence acceptée : votre porte-monnaie est crédité',
      greeting: hello(facts.firstName),
      paragraphs: [`Votre mairie a accepté l’absence pour maladie (${which(facts)}). ${formatEuros(creditedCents)} ont été crédités sur votre porte-monnaie.`],
      action: action(facts),
    }),

  refused: (facts: AbsenceFacts, reason: string): ComposedMail =>
    composeMail({
      subject: 'Absence non acceptée',
      greeting: hello(facts.firstName),
      paragraphs: [`Votre mairie n’a pas accepté l’absence pour maladie (${which(facts)}), pour la raison suivante : ${reason}`],
      action: action(facts),
    }),

  unjustified: (facts: AbsenceFacts): ComposedMail =>
    composeMail({
      subject: 'Absence non justifiée',
      greeting: hello(facts.firstName),
      paragraphs: [`Le certificat médical de l’absence (${which(facts)}) n’est pas arrivé dans le délai. L’absence reste non justifiée et n’est pas remboursée.`],
      action: action(facts),
    }),
};

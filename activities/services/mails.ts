// The mails of "Mes services": a subscription validated or refused, and the staff reminder.
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const hello = (firstName?: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export const subscriptionMails = {
  validated: (firstName: string | null, offer: string, commune: string, link: string): ComposedMail =>
    composeMail({
      subject: `Service validé : ${offer}`,
      greeting: hello(firstName),
      paragraphs: [`Votre inscription « ${offer} » auprès de la mairie de ${commune} est validée. Vous pouvez maintenant réserver.`],
      action: { label: 'Réserver', url: link },
    }),

  refused: (firstName: string | null, offer: string, commune: string, reason: string, link: string): ComposedMail =>
    composeMail({
      subject: `Service refusé : ${offer}`,
      greeting: hello(firstName),
      paragraphs: [`Votre demande « ${offer} » auprès de la mairie de ${commune} n'a pas été acceptée, pour la raison suivante : ${reason}`],
      action: { label: 'Voir mes services', url: link },
    }),

  staffPending: (request: { name: string; offer: string; since: string }, link: string): ComposedMail =>
    composeMail({
      subject: `Demande de service en attente : ${request.offer}`,
      greeting: hello(),
      paragraphs: [`La demande « ${request.offer} » de ${request.name} attend une décision depuis le ${request.since}.`],
      action: { label: 'Voir les demandes', url: link },
    }),
};

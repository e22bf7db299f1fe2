// The mails of « Démarches en ligne »: the request received, accepted, refused, completed on
// staff's demand (and the reminder when the family has not answered), and staff's reminder.
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const hello = (firstName?: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export interface RequestMailSubject {
  firstName: string | null;
  title: string;
  commune: string;
  number: number;
}

const named = (r: RequestMailSubject) => `« ${r.title} » (demande n° ${r.number})`;

export const requestMails = {
  received: (r: RequestMailSubject, link: string): ComposedMail =>
    composeMail({
      subject: `Demande reçue : ${r.title}`,
      greeting: hello(r.firstName),
      paragraphs: [`Votre demande ${named(r)} est bien transmise à la mairie de ${r.commune}. Vous recevrez un mail à chacune de ses étapes.`],
      action: { label: 'Suivre ma demande', url: link },
    }),

  approved: (r: RequestMailSubject, message: string, link: string): ComposedMail =>
    composeMail({
      subject: `Demande acceptée : ${r.title}`,
      greeting: hello(r.firstName),
      paragraphs: [`La mairie de ${r.commune} a accepté votre demande ${named(r)}.`, ...(message ? [`Son message : ${message}`] : [])],
      action: { label: 'Voir ma demande', url: link },
    }),

  refused: (r: RequestMailSubject, reason: string, link: string): ComposedMail =>
    composeMail({
      subject: `Demande refusée : ${r.title}`,
      greeting: hello(r.firstName),
      paragraphs: [`La mairie de ${r.commune} n'a pas accepté votre demande ${named(r)}, pour la raison suivante : ${reason}`],
      action: { label: 'Voir ma demande', url: link },
    }),

  moreRequested: (r: RequestMailSubject, message: string, link: string): ComposedMail =>
    composeMail({
      subject: `Complément demandé : ${r.title}`,
      greeting: hello(r.firstName),
      paragraphs: [`Pour traiter votre demande ${named(r)}, la mairie de ${r.commune} vous demande : ${message}`],
      action: { label: 'Répondre', url: link },
    }),

  moreReminder: (r: RequestMailSubject, message: string, link: string): ComposedMail =>
    composeMail({
      subject: `Rappel : complément attendu pour ${r.title}`,
      greeting: hello(r.firstName),
      paragraphs: [`Votre demande ${named(r)} attend toujours votre réponse. La mairie de ${r.commune} vous demandait : ${message}`],
      action: { label: 'Répondre', url: link },
    }),

  staffPending: (request: { name: string; title: string; number: number; since: string }, link: string): ComposedMail =>
    composeMail({
      subject: `Démarche en attente : ${request.title}`,
      greeting: hello(),
      paragraphs: [`La demande n° ${request.number} « ${request.title} » de ${request.name} attend une réponse depuis le ${request.since}.`],
      action: { label: 'Voir la demande', url: link },
    }),
};

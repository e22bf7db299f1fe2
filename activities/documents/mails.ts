// The mails of a supporting document's life: its end is near, then it has ended.
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const kinds: Record<string, string> = {
  'justificatif-domicile': 'justificatif de domicile',
  'attestation-caf': 'attestation CAF',
  'livret-famille': 'livret de famille',
  'attestation-assurance': "attestation d'assurance",
  'certificat-medical': 'certificat médical',
  pai: 'projet d’accueil individualisé (PAI)',
};
const named = (kind: string) => kinds[kind] ?? 'pièce justificative';
const hello = (firstName: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export const documentMails = {
  expiresSoon: (firstName: string | null, kind: string, lastDay: string, link: string): ComposedMail =>
    composeMail({
      subject: `Votre ${named(kind)} arrive à échéance`,
      greeting: hello(firstName),
      paragraphs: [`Votre ${named(kind)} est valable jusqu'au ${lastDay}. Déposez la nouvelle avant cette date : la mairie en a besoin pour vos inscriptions.`],
      action: { label: 'Déposer une pièce', url: link },
    }),

  expired: (firstName: string | null, kind: string, lastDay: string, link: string): ComposedMail =>
    composeMail({
      subject: `Votre ${named(kind)} a expiré`,
      greeting: hello(firstName),
      paragraphs: [`Votre ${named(kind)} n'est plus valable depuis le ${lastDay}. Déposez la nouvelle dès que possible.`],
      action: { label: 'Déposer une pièce', url: link },
    }),
};

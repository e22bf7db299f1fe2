// Every mail of shared custody, in French, as pure functions of their data. The invitation's link
// is in its mail only: the outbox row keeps it until it is sent, no workflow ever carries it.
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/garde-partagee/invitation?jeton=${token}`;

export const guardianMails = {
  invitation: (input: { inviter: string; child: string; link: string }): ComposedMail =>
    composeMail({
      subject: `${input.inviter} vous invite à suivre le dossier de ${input.child}`,
      greeting: 'Bonjour,',
      paragraphs: [
        `${input.inviter} vous invite à devenir, vous aussi, responsable de ${input.child} sur la plateforme Citoyens de l'Agglomération du Puy-en-Velay.`,
        'Avec votre propre compte, vous verrez le dossier de l’enfant et ses réservations, et vous réserverez et paierez vos propres jours.',
      ],
      action: { label: 'Voir l’invitation', url: input.link },
      after: ["Ce lien est valable 7 jours et ne sert qu'une fois. Connectez-vous ou créez votre compte, puis acceptez l'invitation. Si vous ne connaissez pas cette personne, ignorez ce message."],
    }),
  ruleProposed: (input: { proposer: string; child: string; product: string; rule: string; link: string }): ComposedMail =>
    composeMail({
      subject: `Une règle de paiement attend votre réponse pour ${input.child}`,
      greeting: 'Bonjour,',
      paragraphs: [
        `${input.proposer} propose une règle de paiement pour ${input.child}, activité « ${input.product} » : ${input.rule}.`,
        'Elle ne s’applique qu’une fois que vous l’avez acceptée. Vous pouvez aussi la refuser : chacun continue alors de payer ce qu’il réserve.',
      ],
      action: { label: 'Répondre à la proposition', url: input.link },
    }),
};

// Every mail the accounts part of the platform sends, in French, as pure functions of their data.
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const hello = (firstName?: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export const accountMails = {
  signupLink: (link: string): ComposedMail =>
    composeMail({
      subject: 'Créez votre compte sur la plateforme Citoyens',
      greeting: hello(),
      paragraphs: ["Vous avez demandé à créer un compte sur la plateforme Citoyens de l'Agglomération du Puy-en-Velay avec cette adresse e-mail."],
      action: { label: 'Confirmer mon adresse et créer mon compte', url: link },
      after: ["Ce lien est valable 24 heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."],
    }),

  alreadyRegistered: (loginUrl: string, resetUrl: string): ComposedMail =>
    composeMail({
      subject: 'Vous avez déjà un compte sur la plateforme Citoyens',
      greeting: hello(),
      paragraphs: [
        'Quelqu\'un a demandé à créer un compte avec cette adresse e-mail, mais vous avez déjà un compte sur la plateforme Citoyens.',
        `Connectez-vous ici : ${loginUrl}`,
      ],
      action: { label: "J'ai oublié mon mot de passe", url: resetUrl },
      after: ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas changé."],
    }),

  passwordReset: (link: string): ComposedMail =>
    composeMail({
      subject: 'Réinitialisation de votre mot de passe',
      greeting: hello(),
      paragraphs: ['Vous avez demandé à choisir un nouveau mot de passe pour votre compte de la plateforme Citoyens.'],
      action: { label: 'Choisir un nouveau mot de passe', url: link },
      after: ["Ce lien est valable 1 heure et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."],
    }),

  staffInvitation: (link: string, communes: string): ComposedMail =>
    composeMail({
      subject: 'Votre accès agent à la plateforme Citoyens',
      greeting: hello(),
      paragraphs: [`Un compte agent a été créé pour vous sur la plateforme Citoyens (${communes}).`],
      action: { label: 'Choisir mon mot de passe', url: link },
      after: ["Ce lien est valable 72 heures et ne sert qu'une fois."],
    }),

  accountValidated: (firstName: string | null, link: string): ComposedMail =>
    composeMail({
      subject: 'Votre compte est validé',
      greeting: hello(firstName),
      paragraphs: ['Votre compte sur la plateforme Citoyens a été validé. Vous pouvez maintenant vous inscrire aux services de votre commune et réserver.'],
      action: { label: 'Accéder à mon compte', url: link },
    }),

  accountRejected: (firstName: string | null, reason: string, link: string): ComposedMail =>
    composeMail({
      subject: "Votre compte n'a pas pu être validé",
      greeting: hello(firstName),
      paragraphs: [`Votre compte sur la plateforme Citoyens n'a pas pu être validé, pour la raison suivante : ${reason}`, 'Pour toute question, contactez votre mairie.'],
      action: { label: 'Voir mon compte', url: link },
    }),

  documentsRequested: (firstName: string | null, message: string, link: string): ComposedMail =>
    composeMail({
      subject: 'Pièces justificatives à compléter',
      greeting: hello(firstName),
      paragraphs: ['Pour valider votre compte, les services de la mairie vous demandent des pièces justificatives :', message],
      action: { label: 'Déposer mes pièces', url: link },
    }),

  documentsReminder: (firstName: string | null, message: string, link: string): ComposedMail =>
    composeMail({
      subject: 'Rappel : pièces justificatives à déposer',
      greeting: hello(firstName),
      paragraphs: ["Votre compte n'est pas encore validé : les pièces demandées par la mairie n'ont pas été déposées.", message],
      action: { label: 'Déposer mes pièces', url: link },
    }),

  staffPendingReminder: (account: { name: string; email: string; since: string }, link: string): ComposedMail =>
    composeMail({
      subject: `Compte en attente de validation : ${account.name}`,
      greeting: hello(),
      paragraphs: [`Le compte de ${account.name} (${account.email}) attend une validation depuis le ${account.since}.`],
      action: { label: 'Ouvrir la demande', url: link },
    }),
};

export const emailChangeMail = (firstName: string | null, link: string): ComposedMail =>
  composeMail({
    subject: 'Confirmez votre nouvelle adresse e-mail',
    greeting: firstName ? `Bonjour ${firstName},` : 'Bonjour,',
    paragraphs: ['Vous avez demandé à utiliser cette adresse e-mail pour votre compte de la plateforme Citoyens.'],
    action: { label: 'Confirmer cette adresse', url: link },
    after: ["Ce lien est valable 24 heures et ne sert qu'une fois. Tant qu'il n'est pas suivi, votre ancienne adresse reste en place."],
  });

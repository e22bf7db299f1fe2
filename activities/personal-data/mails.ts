// The mails of an RGPD erasure, one per step: the request received, the future reservations
// cancelled, the wallet's balance to return then returned, and the last mail before the address
// itself is erased.
import { formatEuros } from '../../domain/money.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const hello = (firstName: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export const erasureMails = {
  received: (firstName: string | null): ComposedMail =>
    composeMail({
      subject: 'Votre demande d’effacement de vos données',
      greeting: hello(firstName),
      paragraphs: [
        'Nous avons bien reçu votre demande d’effacement de vos données personnelles. Votre compte est fermé : vous ne pouvez plus vous y connecter.',
        'Vos réservations à venir vont être annulées et remboursées sur votre porte-monnaie ; si un solde reste, votre mairie vous le rembourse par virement. Vos données seront ensuite effacées. Nous vous écrivons à chaque étape.',
        'Vos commandes et paiements sont gardés 10 ans comme la loi l’impose pour les pièces comptables, sans votre nom ni vos coordonnées.',
      ],
    }),

  reservationsCancelled: (firstName: string | null, count: number, cents: number): ComposedMail =>
    composeMail({
      subject: 'Vos réservations à venir sont annulées',
      greeting: hello(firstName),
      paragraphs: [`${count} réservation(s) à venir ont été annulées. ${formatEuros(cents)} ont été crédités sur votre porte-monnaie.`],
    }),

  walletToReturn: (firstName: string | null, cents: number, ibanEnd: string | null): ComposedMail =>
    composeMail({
      subject: 'Le solde de votre porte-monnaie va vous être remboursé',
      greeting: hello(firstName),
      paragraphs: [
        ibanEnd
          ? `Votre porte-monnaie garde ${formatEuros(cents)}. Votre mairie vous les rembourse par virement sur le compte se terminant par ${ibanEnd}.`
          : `Votre porte-monnaie garde ${formatEuros(cents)}. Votre mairie va vous contacter pour vous les rembourser par virement.`,
        'Vos données seront effacées dès que ce virement sera fait.',
      ],
    }),

  walletReturned: (firstName: string | null, cents: number, reference: string): ComposedMail =>
    composeMail({
      subject: 'Le solde de votre porte-monnaie vous a été remboursé',
      greeting: hello(firstName),
      paragraphs: [`Votre mairie vous a remboursé ${formatEuros(cents)} par virement (référence ${reference}).`],
    }),

  done: (firstName: string | null): ComposedMail =>
    composeMail({
      subject: 'Vos données sont effacées',
      greeting: hello(firstName),
      paragraphs: [
        'Vos données personnelles sont effacées aujourd’hui : votre compte, vos enfants, vos adresses, vos pièces justificatives, vos démarches et vos listes.',
        'Vos commandes et paiements restent dans les comptes publics, sans votre nom ni vos coordonnées. Ce message est le dernier que nous vous envoyons.',
      ],
    }),

  staffReminder: (cents: number, link: string): ComposedMail =>
    composeMail({
      subject: 'Effacement RGPD : un solde de porte-monnaie à rembourser',
      greeting: 'Bonjour,',
      paragraphs: [
        `Une famille de votre commune a demandé l’effacement de ses données. Son porte-monnaie garde ${formatEuros(cents)} à lui rembourser par virement ; l’effacement attend que vous enregistriez ce virement.`,
      ],
      action: { label: 'Voir les demandes d’effacement', url: link },
    }),
};

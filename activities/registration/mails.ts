// The yearly registration's mails: the family's reminders (at the opening, two weeks before the
// close, the day before), naming the children whose dossier is not confirmed and the sections to
// complete, never a health detail; and the campaign's summary to its commune's staff at the close.
import { formatLongDate } from '../../domain/dates.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

export interface ReminderFacts {
  firstName: string | null;
  commune: string;
  schoolYear: string;
  closesOn: string;
  whenIncomplete: 'block' | 'top-tier';
  products: string[];
  /** Each child not confirmed yet, with the sections to complete (« fiche sanitaire »…). */
  children: { name: string; sections: string[] }[];
  link: string;
}

const hello = (firstName: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

const SUBJECTS = {
  opening: (facts: ReminderFacts) => `Votre dossier annuel ${facts.schoolYear} est ouvert`,
  'two-weeks': (facts: ReminderFacts) => `Rappel : votre dossier annuel ${facts.schoolYear} se clôt dans deux semaines`,
  'day-before': (facts: ReminderFacts) => `Dernier rappel : votre dossier annuel ${facts.schoolYear} se clôt demain`,
};

export const registrationMails = {
  reminder: (reminder: keyof typeof SUBJECTS, facts: ReminderFacts): ComposedMail =>
    composeMail({
      subject: SUBJECTS[reminder](facts),
      greeting: hello(facts.firstName),
      paragraphs: [
        `La mairie de ${facts.commune} prépare l’année scolaire ${facts.schoolYear} (${facts.products.join(', ')}). Vérifiez et confirmez le dossier de chacun de vos enfants avant le ${formatLongDate(facts.closesOn)}.`,
        facts.whenIncomplete === 'block'
          ? 'Tant que votre dossier n’est pas complet, les jours de cette année scolaire ne peuvent pas être réservés.'
          : 'Tant que votre dossier n’est pas complet, les jours de cette année scolaire sont facturés au tarif le plus élevé.',
        ...facts.children.map((child) => (child.sections.length > 0 ? `${child.name} : ${child.sections.join(', ')}.` : `${child.name} : tout est prêt, il reste à confirmer le dossier.`)),
      ],
      action: { label: 'Compléter mon dossier annuel', url: facts.link },
    }),

  summary: (facts: { commune: string; schoolYear: string; families: number; complete: number; link: string }): ComposedMail =>
    composeMail({
      subject: `Dossier annuel ${facts.schoolYear} : la campagne de ${facts.commune} est close`,
      greeting: 'Bonjour,',
      paragraphs: [`${facts.complete} famille${facts.complete > 1 ? 's' : ''} sur ${facts.families} ont complété leur dossier annuel ${facts.schoolYear}. Les familles qui ne l’ont pas complété et ce qui leur manque sont listées sur la page de la campagne.`],
      action: { label: 'Voir la campagne', url: facts.link },
    }),
};

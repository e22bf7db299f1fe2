// The régies' mails: the evening reminder of days left open to the régisseur and deputies.
import { formatLongDate } from '../../domain/dates.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

const hello = (firstName: string | null) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');

export const regieMails = {
  daysLeftOpen: (firstName: string | null, regie: string, days: string[], link: string): ComposedMail =>
    composeMail({
      subject: `Journées à clôturer : ${regie}`,
      greeting: hello(firstName),
      paragraphs: [
        days.length === 1
          ? `La journée du ${formatLongDate(days[0]!)} de la ${regie} n’est pas clôturée.`
          : `${days.length} journées de la ${regie} ne sont pas clôturées : ${days.map(formatLongDate).join(', ')}.`,
        'Comptez la caisse, comparez les totaux aux paiements confirmés par les prestataires, puis clôturez les journées dans l’ordre, la plus ancienne d’abord.',
      ],
      action: { label: 'Clôturer les journées', url: link },
    }),
};

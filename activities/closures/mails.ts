// The closures' mail: one per family, the days closed and why, each reservation cancelled with
// what it was refunded, and the total credited to the wallet.
import { formatShortDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail, type ComposedMail } from '../../lib/mail/compose.ts';

interface ClosureFacts {
  product: string;
  reason: string;
  first_day: string;
  last_day: string;
}

interface FamilyFacts {
  firstName: string | null;
  lines: Array<{ child: string; day: string; refunded: number }>;
}

export function closureMail({ closure, family, publicUrl }: { closure: ClosureFacts; family: FamilyFacts; publicUrl: string }): ComposedMail {
  const refunded = family.lines.reduce((sum, line) => sum + line.refunded, 0);
  return composeMail({
    subject: `Fermeture exceptionnelle : ${closure.product}`,
    greeting: family.firstName ? `Bonjour ${family.firstName},` : 'Bonjour,',
    paragraphs: [
      `${closure.product} est exceptionnellement fermé${closure.first_day === closure.last_day ? ` le ${formatShortDate(closure.first_day)}` : ` du ${formatShortDate(closure.first_day)} au ${formatShortDate(closure.last_day)}`} (${closure.reason}).`,
      'Ces réservations sont annulées :',
      ...family.lines.map((line) => `${line.child} – ${formatShortDate(line.day)} – ${formatEuros(line.refunded)}`),
      `${formatEuros(refunded)} ont été crédités sur votre porte-monnaie.`,
    ],
    action: { label: 'Voir mon porte-monnaie', url: `${publicUrl}/mon-compte/porte-monnaie` },
  });
}

// Activities of the closure workflow (their SQL: db/queries/closures/closures.ts), and the mail each
// family gets: the days cancelled, the refund, the reason.
import type { Db } from '../../db/connection.ts';
import { cancelClosedReservations, closeDays, closureById, closureFamilies, finishClosure } from '../../db/queries/closures/closures.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { composeMail } from '../../lib/mail/compose.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createClosureActivities({ db, now, publicUrl, mail }: Deps) {
  return {
    closeDays: (input: { closureId: number }) => closeDays(db, input.closureId),
    cancelClosedReservations: (input: { closureId: number; limit: number }) => cancelClosedReservations(db, input.closureId, input.limit, now()),

    /** One mail per family, keyed by the closure and the family: sent once whatever the retries. */
    async mailClosureFamilies(input: { closureId: number }): Promise<number> {
      const closure = (await closureById(db, input.closureId))!;
      const families = await closureFamilies(db, input.closureId);
      for (const [userId, family] of families) {
        const refunded = family.lines.reduce((sum, line) => sum + line.refunded, 0);
        const content = composeMail({
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
        await mail.sendMail({ idempotencyKey: `closure-${input.closureId}/mail-${userId}`, to: family.email, ...content });
      }
      await finishClosure(db, input.closureId, families.size);
      return families.size;
    },
  };
}

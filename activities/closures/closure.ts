// Activities of the closure workflow (their SQL: db/queries/closures/closures.ts), and the mail each
// family gets: the days cancelled, the refund, the reason.
import type { Db } from '../../db/connection.ts';
import { cancelClosedReservations, closeDays, closureById, closureFamilies, finishClosure } from '../../db/queries/closures/closures.ts';
import { closureMail } from './mails.ts';
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
        const content = closureMail({ closure, family, publicUrl });
        await mail.sendMail({ idempotencyKey: `closure-${input.closureId}/mail-${userId}`, to: family.email, ...content });
      }
      await finishClosure(db, input.closureId, families.size);
      return families.size;
    },
  };
}

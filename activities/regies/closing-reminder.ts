// The closing reminder's activity: each régie's régisseur and deputies told of the days before
// today left open, once per régie, day and person (the outbox's key), however often it runs.
import type { Db } from '../../db/connection.ts';
import { regiesLeftOpen } from '../../db/queries/regies/closing.ts';
import { parisDate } from '../../domain/dates.ts';
import type { createMailActivities } from '../mail/index.ts';
import { regieMails } from './mails.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createRegieActivities({ db, now, publicUrl, mail }: Deps) {
  return {
    /** The number of mails it asked for (those already sent today count too). */
    async remindOpenDays(): Promise<{ regies: number; mails: number }> {
      const today = parisDate(now());
      const left = await regiesLeftOpen(db, today);
      let mails = 0;
      for (const regie of left) {
        for (const member of regie.members) {
          const content = regieMails.daysLeftOpen(member.firstName, regie.name, regie.days, `${publicUrl}/agent/regies/${regie.id}/cloture`);
          await mail.sendMail({ idempotencyKey: `regie-${regie.id}/closing-reminder-${today}/${member.id}`, to: member.email, ...content });
          mails += 1;
        }
      }
      return { regies: left.length, mails };
    },
  };
}

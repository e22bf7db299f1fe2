// Activities of the waiting-list workflow (their SQL: db/queries/waitlist/waitlist-offers.ts) and its mails
// (an offer; the line ended before a place came), keyed by entry so that each goes once.
import type { Db } from '../../db/connection.ts';
import { lineEndedMailFacts, lineEndedMailKey, offerMailFacts, offerMailKey, waitlistRound } from '../../db/queries/waitlist/waitlist-offers.ts';
import { waitlistMails } from './mails.ts';
import type { WaitlistInput } from '../../workflows/waitlist/waitlist.messages.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createWaitlistActivities({ db, now, publicUrl, mail }: Deps) {
  return {
    waitlistRound: (input: WaitlistInput) => waitlistRound(db, input.productId, input.day, now()),

    async mailWaitlistOffer(input: { entryId: number }): Promise<void> {
      const offer = await offerMailFacts(db, input.entryId);
      if (!offer) return;
      const { to, mail: content } = waitlistMails.offer(offer, publicUrl);
      await mail.sendMail({ idempotencyKey: offerMailKey(input.entryId), to, ...content });
    },

    /** Once per entry, however often the round that ended the line is replayed. */
    async mailWaitlistEnded(input: { entryId: number }): Promise<void> {
      const facts = await lineEndedMailFacts(db, input.entryId);
      if (!facts) return;
      const { to, mail: content } = waitlistMails.lineEnded(facts, publicUrl);
      await mail.sendMail({ idempotencyKey: lineEndedMailKey(input.entryId), to, ...content });
    },
  };
}

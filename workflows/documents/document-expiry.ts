// documentExpiry (document-expiry-<userId>-<kind>): watches the family's latest accepted document
// of a type: mails the parent 30 days before its end, marks it expired the day after its last
// valid day and mails again. A newer document of the type accepted meanwhile starts the watch over.
// A document accepted already inside its last 30 days is not told « arrive à échéance » the moment
// it is accepted (staff just chose that day, beside the account's validation): the notice is only
// ever sent on its day.
import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { EXPIRY_NOTICE_DAYS } from '../../domain/document-validity.ts';
import { addDays, parisInstant } from '../../domain/dates.ts';
import { documentAccepted, type AcceptedDocument } from './document-expiry.messages.ts';
import { workflowNow } from '../common/clock.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.longProcess);

export async function documentExpiry(input: { userId: number; kind: string } & AcceptedDocument): Promise<'expired'> {
  let watched: AcceptedDocument = { documentId: input.documentId, expiresOn: input.expiresOn };
  let replaced = false;
  setHandler(documentAccepted, (next) => {
    watched = next;
    replaced = true;
  });
  const waitUntil = (instant: Date) => condition(() => replaced, Math.max(0, instant.getTime() - workflowNow()));

  for (;;) {
    replaced = false;
    const { documentId, expiresOn } = watched;
    const key = `document-${documentId}-${expiresOn}`;
    const noticeDay = parisInstant(addDays(expiresOn, -EXPIRY_NOTICE_DAYS), 9);
    const noticeDayPassed = noticeDay.getTime() <= workflowNow();
    if (await waitUntil(noticeDay)) continue;
    // Histories recorded before this rule sent the notice late; they replay as they ran.
    if (!(noticeDayPassed && patched('no-late-expiry-notice'))) await acts.remindDocumentExpiry({ key: `${key}/notice`, documentId, expiresOn });
    if (await waitUntil(parisInstant(addDays(expiresOn, 1), 0))) continue;
    await acts.expireAcceptedDocument({ key: `${key}/expired`, documentId, expiresOn });
    return 'expired';
  }
}

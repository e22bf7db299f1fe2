// deliverMail: one mail sent on behalf of a web request (sign-up link, password reset), so that a
// failing SMTP server is retried by Temporal instead of losing the mail. ID: mail-<key>.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { SendMailInput, SendMailResult } from '../../activities/mail/send-mail.ts';
import { activityOptions } from '../common/activity-options.ts';

const { sendMail, sendStoredMail } = proxyActivities<Activities>(activityOptions.mail);

/**
 * The input is the outbox row's id: the address, the text and its single-use link stay in
 * PostgreSQL, out of the history. Runs started before carried the mail itself and replay as such.
 */
export async function deliverMail(input: { outboxId: number } | SendMailInput): Promise<SendMailResult> {
  return 'outboxId' in input ? sendStoredMail(input) : sendMail(input);
}

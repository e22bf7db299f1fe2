// The yearly registration workflow's messages: its id, its input (instants computed by the page
// that starts it, so that the workflow itself reckons no calendar), the family's completion.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const registrationWorkflowId = (campaignId: number, userId: number) => `registration-${campaignId}-${userId}`;

export type RegistrationReminder = 'opening' | 'two-weeks' | 'day-before';

export interface RegistrationInput {
  campaignId: number;
  userId: number;
  /** ISO instants of the reminders (10:00 in Paris), in order: opening, two weeks before the close, the day before. */
  remindAt: Record<RegistrationReminder, string>;
  /** ISO instant of the close: staff get the campaign's summary then. */
  endsAt: string;
}

export interface RegistrationState {
  complete: boolean;
  reminded: RegistrationReminder[];
}

/** Sent when the family's last child is confirmed (db/queries/registration/dossier.ts). */
export const registrationCompleted = defineSignal('registrationCompleted');
export const registrationState = defineQuery<RegistrationState>('registrationState');

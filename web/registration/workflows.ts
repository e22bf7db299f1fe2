// The registration's door to Temporal: one registration-<campaignId>-<userId> workflow per family
// listed in an opened campaign (started when staff open it, or when a family joins it from its
// dossier), and the family's completion signalled to it. The reminders' instants are reckoned here
// from the campaign's dates, so that the workflow reckons no calendar.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { registration } from '../../workflows/registration/registration.ts';
import { registrationCompleted, registrationWorkflowId, type RegistrationInput } from '../../workflows/registration/index.ts';
import { reminderTimes } from '../../domain/registration.ts';
import { familyAttributes, once, type WorkflowDoor } from '../http/workflow-door.ts';

export interface OpenedCampaign {
  id: number;
  opens_on: string;
  closes_on: string;
  commune: string;
}

/** Starts at most this many at once: a campaign may list hundreds of families. */
const AT_ONCE = 16;

export function registrationWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  const inputOf = (campaign: OpenedCampaign, userId: number): RegistrationInput => {
    const times = reminderTimes(campaign.opens_on, campaign.closes_on);
    return {
      campaignId: campaign.id,
      userId,
      remindAt: { opening: times.opening.toISOString(), 'two-weeks': times.twoWeeksBefore.toISOString(), 'day-before': times.dayBefore.toISOString() },
      endsAt: times.end.toISOString(),
    };
  };
  const start = (campaign: OpenedCampaign, userId: number) =>
    once(
      temporal.workflow.start<typeof registration>('registration', {
        taskQueue,
        workflowId: registrationWorkflowId(campaign.id, userId),
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [inputOf(campaign, userId)],
        typedSearchAttributes: familyAttributes({ userId, commune: campaign.commune }),
      }),
    );
  return {
    /** One workflow per family listed; a family's already running is left as it is. */
    startRegistrations: async (campaign: OpenedCampaign, userIds: number[]) => {
      for (let i = 0; i < userIds.length; i += AT_ONCE) await Promise.all(userIds.slice(i, i + AT_ONCE).map((userId) => start(campaign, userId)));
    },
    /** The family completed its dossier: no more reminders. A workflow ended (the campaign closed) has nothing left to skip. */
    registrationCompleted: async (campaignId: number, userId: number) => {
      try {
        await temporal.workflow.getHandle(registrationWorkflowId(campaignId, userId)).signal(registrationCompleted);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
  };
}

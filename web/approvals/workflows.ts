// The approvals' door to Temporal: accounts, subscriptions and online requests each wait for
// staff in an approval workflow; pages start them, signal staff's decisions and read their state.
import type { accountValidation } from '../../workflows/approvals/account-validation.ts';
import {
  accountValidationWorkflowId,
  approvalState,
  approveRequest,
  documentsSubmitted,
  onlineRequestWorkflowId,
  refuseRequest,
  requestDocuments,
  subscriptionWorkflowId,
  type ApprovalState,
} from '../../workflows/approvals/approval.messages.ts';
import type { onlineRequest } from '../../workflows/approvals/online-request.ts';
import type { subscriptionApproval } from '../../workflows/approvals/subscription-approval.ts';
import { familyAttributes, once, queryOrNull, twoSecondsAtMostUntil, type Family, type WorkflowDoor } from '../http/workflow-door.ts';

export type StaffDecision = { action: 'approve'; message?: string } | { action: 'reject'; reason: string } | { action: 'request'; message: string };

export function approvalWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  const approval = (workflowId: string) => queryOrNull(() => temporal.workflow.getHandle(workflowId).query(approvalState));

  /**
   * Waits (two seconds at most) until the approval's status differs from `before`: the decision a
   * page just signalled is then recorded, and the page it redirects to shows it.
   */
  const decisionRecorded = (workflowId: string, before: ApprovalState['status']) =>
    twoSecondsAtMostUntil(async () => {
      const state = await approval(workflowId);
      return !state || state.status !== before;
    });

  const decide = async (workflowId: string, staffId: number, decision: StaffDecision) => {
    const handle = temporal.workflow.getHandle(workflowId);
    if (decision.action === 'approve') await handle.signal(approveRequest, decision.message ? { staffId, message: decision.message } : { staffId });
    else if (decision.action === 'reject') await handle.signal(refuseRequest, { staffId, reason: decision.reason });
    else await handle.signal(requestDocuments, { staffId, message: decision.message });
  };

  return {
    // Accounts and subscriptions.
    startAccountValidation: (userId: number, family: Family) =>
      temporal.workflow.start<typeof accountValidation>('accountValidation', {
        taskQueue,
        workflowId: accountValidationWorkflowId(userId),
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [{ userId, hasDocuments: false }],
        typedSearchAttributes: familyAttributes(family),
      }),
    /** Starts the validation if it never started (imported accounts), else just tells it. */
    documentSubmitted: (userId: number, documentId: number, family: Family) =>
      temporal.workflow.signalWithStart<typeof accountValidation, [{ documentId: number }]>('accountValidation', {
        taskQueue,
        workflowId: accountValidationWorkflowId(userId),
        args: [{ userId, hasDocuments: true }],
        signal: documentsSubmitted,
        signalArgs: [{ documentId }],
        typedSearchAttributes: familyAttributes(family),
      }),
    accountValidationState: (userId: number) => approval(accountValidationWorkflowId(userId)),
    decideAccount: async (userId: number, staffId: number, decision: StaffDecision, before: ApprovalState['status']) => {
      await decide(accountValidationWorkflowId(userId), staffId, decision);
      await decisionRecorded(accountValidationWorkflowId(userId), before);
    },
    startSubscriptionApproval: (subscriptionId: number, family: Family) =>
      temporal.workflow.start<typeof subscriptionApproval>('subscriptionApproval', {
        taskQueue,
        workflowId: subscriptionWorkflowId(subscriptionId),
        // A request made again after a refusal starts a new run under the same ID.
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [{ subscriptionId }],
        typedSearchAttributes: familyAttributes(family),
      }),
    decideSubscription: async (subscriptionId: number, staffId: number, decision: StaffDecision) => {
      await decide(subscriptionWorkflowId(subscriptionId), staffId, decision);
      await decisionRecorded(subscriptionWorkflowId(subscriptionId), 'waiting-staff');
    },

    // Online requests.
    startOnlineRequest: (requestId: number, family: Family) =>
      once(
        temporal.workflow.start<typeof onlineRequest>('onlineRequest', {
          taskQueue,
          workflowId: onlineRequestWorkflowId(requestId),
          // Never a second run of a request that was decided (the reconciler starts lost ones too).
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [{ requestId }],
          typedSearchAttributes: familyAttributes(family),
        }),
      ),
    onlineRequestState: (requestId: number) => approval(onlineRequestWorkflowId(requestId)),
    /** The family answered what staff asked: the request waits for staff again. */
    onlineRequestCompleted: (requestId: number, documentId: number | null, family: Family) =>
      temporal.workflow.signalWithStart<typeof onlineRequest, [{ documentId: number }]>('onlineRequest', {
        taskQueue,
        workflowId: onlineRequestWorkflowId(requestId),
        args: [{ requestId }],
        signal: documentsSubmitted,
        signalArgs: [{ documentId: documentId ?? 0 }],
        typedSearchAttributes: familyAttributes(family),
      }),
    decideOnlineRequest: async (requestId: number, staffId: number, decision: StaffDecision) => {
      await decide(onlineRequestWorkflowId(requestId), staffId, decision);
      await decisionRecorded(onlineRequestWorkflowId(requestId), 'waiting-staff');
    },
  };
}

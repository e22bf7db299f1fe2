// The approval mechanism: waits for a staff decision (approve, refuse with a reason, or, for
// accounts and online requests, ask for more and wait for it), reminds staff every 3 days of
// waiting and the family 7 days after a request, records each decision and mails the family. Not
// a workflow by itself: accountValidation, subscriptionApproval and onlineRequest run it.
import { condition, proxyActivities, setDefaultSignalHandler, setHandler, upsertSearchAttributes, workflowInfo, type SignalDefinition } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import {
  approvalState,
  approveRequest,
  documentsSubmitted,
  isDecided,
  PARENT_REMINDER_AFTER,
  refuseRequest,
  requestDocuments,
  STAFF_REMINDER_AFTER,
  type ApprovalDecision,
  type ApprovalState,
  type ApprovalStatus,
  type ApprovalSubject,
} from './approval.messages.ts';
import { ProcessStateAttribute } from '../common/search-attributes.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.longProcess);

type PendingDecision = ApprovalDecision & { staffId: number };
type ArgOf<S> = S extends SignalDefinition<[infer Arg]> ? Arg : never;

export async function runApproval(subject: ApprovalSubject, initial: ApprovalStatus): Promise<ApprovalState> {
  const state: ApprovalState = { status: initial, text: null, staffReminders: 0, parentReminders: 0 };
  const id = workflowInfo().workflowId;
  let pending: PendingDecision | null = null;
  let requests = 0;

  // Signals can arrive twice or late: each handler ignores what no longer applies.
  setHandler(approvalState, () => state);
  // Signals sent before the workflow first ran reach their handlers in the order the handlers are
  // set, not in the order staff sent them: one handler for every signal keeps a refusal sent just
  // before an approval the decision (seen after a worker's outage, and on a busy machine).
  setDefaultSignalHandler((name, ...args) => {
    if (name === documentsSubmitted.name) {
      if (state.status === 'waiting-documents' || state.status === 'documents-requested') setStatus('waiting-staff');
    } else if (name === approveRequest.name) {
      const { staffId, message } = args[0] as ArgOf<typeof approveRequest>;
      if (!isDecided(state.status) && !pending) pending = message ? { kind: 'approved', message, staffId } : { kind: 'approved', staffId };
    } else if (name === refuseRequest.name) {
      const { staffId, reason } = args[0] as ArgOf<typeof refuseRequest>;
      if (!isDecided(state.status) && !pending) pending = { kind: 'refused', reason, staffId };
    } else if (name === requestDocuments.name) {
      const { staffId, message } = args[0] as ArgOf<typeof requestDocuments>;
      if (subject.kind !== 'subscription' && state.status === 'waiting-staff' && !pending) pending = { kind: 'documents-requested', message, staffId };
    }
  });

  function setStatus(status: ApprovalStatus, text: string | null = state.text): void {
    state.status = status;
    state.text = text;
    upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]);
  }

  async function apply({ staffId, ...decision }: PendingDecision): Promise<void> {
    const step = decision.kind === 'documents-requested' ? `${decision.kind}-${++requests}` : decision.kind;
    await acts.recordDecision({ key: `${id}/${step}`, subject, staffId, decision });
    if (decision.kind === 'approved') setStatus('approved', decision.message ?? null);
    else if (decision.kind === 'refused') setStatus('refused', decision.reason);
    else setStatus('documents-requested', decision.message);
    await acts.sendDecisionMail({ key: `${id}/mail-${step}`, subject, kind: decision.kind, text: state.text });
  }

  setStatus(state.status);
  while (!isDecided(state.status)) {
    const decision = pending as PendingDecision | null;
    if (decision) {
      await apply(decision);
      pending = null;
    } else if (state.status === 'waiting-staff') {
      if (!(await condition(() => pending !== null, STAFF_REMINDER_AFTER))) {
        state.staffReminders += 1;
        await acts.remindStaff({ key: `${id}/staff-reminder-${state.staffReminders}`, subject });
      }
    } else if (state.status === 'documents-requested' && state.parentReminders < requests) {
      const moved = await condition(() => pending !== null || state.status !== 'documents-requested', PARENT_REMINDER_AFTER);
      if (!moved) {
        state.parentReminders = requests;
        await acts.sendDecisionMail({ key: `${id}/parent-reminder-${requests}`, subject, kind: 'documents-reminder', text: state.text });
      }
    } else {
      const waitingFor = state.status;
      await condition(() => pending !== null || state.status !== waitingFor);
    }
  }
  return state;
}

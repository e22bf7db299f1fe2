// accountValidation: one per account, from the verified e-mail to the staff's decision.
// waiting-documents → waiting-staff → validated | rejected, or documents-requested → (documents)
// → waiting-staff. Staff are reminded every 3 days of waiting; the parent 7 days after a request.
import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { AccountDecision } from '../activities/accounts/account-validation.ts';
import {
  accountValidationState,
  approveAccount,
  documentsSubmitted,
  PARENT_REMINDER_AFTER,
  rejectAccount,
  requestDocuments,
  STAFF_REMINDER_AFTER,
  type AccountValidationInput,
  type AccountValidationState,
} from './account-validation.messages.ts';
import { StatusAttribute } from './search-attributes.ts';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

type PendingDecision = AccountDecision & { staffId: number };

export async function accountValidation(input: AccountValidationInput): Promise<AccountValidationState> {
  const state: AccountValidationState = {
    status: input.hasDocuments ? 'waiting-staff' : 'waiting-documents',
    text: null,
    staffReminders: 0,
    parentReminders: 0,
  };
  const id = workflowInfo().workflowId;
  const isOpen = () => state.status !== 'validated' && state.status !== 'rejected';
  let pending: PendingDecision | null = null;
  let requests = 0;

  // Signals can arrive twice or late: each handler ignores what no longer applies.
  setHandler(accountValidationState, () => state);
  setHandler(documentsSubmitted, () => {
    if (state.status === 'waiting-documents' || state.status === 'documents-requested') setStatus('waiting-staff');
  });
  setHandler(approveAccount, ({ staffId }) => {
    if (isOpen() && !pending) pending = { kind: 'approved', staffId };
  });
  setHandler(rejectAccount, ({ staffId, reason }) => {
    if (isOpen() && !pending) pending = { kind: 'rejected', reason, staffId };
  });
  setHandler(requestDocuments, ({ staffId, message }) => {
    if (state.status === 'waiting-staff' && !pending) pending = { kind: 'documents-requested', message, staffId };
  });

  function setStatus(status: AccountValidationState['status'], text: string | null = state.text): void {
    state.status = status;
    state.text = text;
    upsertSearchAttributes([{ key: StatusAttribute, value: status }]);
  }

  async function apply({ staffId, ...decision }: PendingDecision): Promise<void> {
    const step = decision.kind === 'documents-requested' ? `${decision.kind}-${++requests}` : decision.kind;
    await acts.recordAccountDecision({ key: `${id}/${step}`, userId: input.userId, staffId, decision });
    if (decision.kind === 'approved') {
      setStatus('validated', null);
      await acts.sendAccountMail({ key: `${id}/mail-${step}`, userId: input.userId, kind: 'validated' });
    } else if (decision.kind === 'rejected') {
      setStatus('rejected', decision.reason);
      await acts.sendAccountMail({ key: `${id}/mail-${step}`, userId: input.userId, kind: 'rejected', text: decision.reason });
    } else {
      setStatus('documents-requested', decision.message);
      await acts.sendAccountMail({ key: `${id}/mail-${step}`, userId: input.userId, kind: 'documents-requested', text: decision.message });
    }
  }

  setStatus(state.status);
  while (isOpen()) {
    const decision = pending as PendingDecision | null;
    if (decision) {
      await apply(decision);
      pending = null;
    } else if (state.status === 'waiting-staff') {
      if (!(await condition(() => pending !== null, STAFF_REMINDER_AFTER))) {
        state.staffReminders += 1;
        await acts.remindStaffOfPendingAccount({ key: `${id}/staff-reminder-${state.staffReminders}`, userId: input.userId });
      }
    } else if (state.status === 'documents-requested' && state.parentReminders < requests) {
      const moved = await condition(() => pending !== null || state.status !== 'documents-requested', PARENT_REMINDER_AFTER);
      if (!moved) {
        state.parentReminders = requests;
        await acts.sendAccountMail({ key: `${id}/parent-reminder-${requests}`, userId: input.userId, kind: 'documents-reminder', text: state.text ?? '' });
      }
    } else {
      const waitingFor = state.status;
      await condition(() => pending !== null || state.status !== waitingFor);
    }
  }
  return state;
}

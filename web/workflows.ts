// The web layer's one door to Temporal: every start, signal, update and query a page makes goes
// through a named function here, which owns the workflow's id, the task queue, the search
// attributes and what an unreachable or finished workflow means for the page.
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Db } from '../db/connection.ts';
import { storeMail } from '../db/queries/mail/index.ts';
import type { ComposedMail } from '../lib/mail/compose.ts';
import type { Logger } from '../logger.ts';
import type { accountValidation } from '../workflows/accounts/index.ts';
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
} from '../workflows/approvals/index.ts';
import { absenceDecided, absenceState, absenceWorkflowId, certificateSent, type AbsenceInput, type AbsenceVerdict } from '../workflows/absences/index.ts';
import type { absence } from '../workflows/absences/index.ts';
import { basketWorkflowId, placeOrder, type BasketInput } from '../workflows/orders/index.ts';
import { placeFreed, waitlistWorkflowId } from '../workflows/waitlist/index.ts';
import type { waitlist } from '../workflows/waitlist/index.ts';
import type { basket as basketWorkflow } from '../workflows/orders/index.ts';
import { cardPaymentNotified, type CardNotification } from '../workflows/payments/index.ts';
import { deliverMailWorkflowId } from '../workflows/mail/index.ts';
import type { deliverMail } from '../workflows/mail/index.ts';
import { documentAccepted, documentExpiryWorkflowId, type AcceptedDocument } from '../workflows/documents/index.ts';
import type { documentExpiry } from '../workflows/documents/index.ts';
import type { closure } from '../workflows/closures/index.ts';
import { erasureWorkflowId, walletReturned } from '../workflows/personal-data/index.ts';
import type { erasure } from '../workflows/personal-data/index.ts';
import { closureWorkflowId } from '../workflows/closures/index.ts';
import type { lateCardPayment } from '../workflows/payments/index.ts';
import { orderState, orderWorkflowId, type OrderInput, type OrderState } from '../workflows/orders/index.ts';
import type { order as orderWorkflow } from '../workflows/orders/index.ts';
import { AccountAttribute, CommuneAttribute, OrderNumberAttribute, StatusAttribute } from '../workflows/common/search-attributes.ts';
import type { onlineRequest } from '../workflows/requests/index.ts';
import type { subscriptionApproval } from '../workflows/services/index.ts';
import { topUpState, topUpWorkflowId, type TopUpStatus } from '../workflows/wallet/index.ts';
import type { walletTopUp } from '../workflows/wallet/index.ts';

/** Who a workflow concerns, for the operators' search in the Temporal UI: the account's number, nothing personal. */
interface Family {
  userId: number;
  commune: string | null;
}

const familyAttributes = (family: Family) => [
  { key: AccountAttribute, value: family.userId },
  ...(family.commune ? [{ key: CommuneAttribute, value: family.commune }] : []),
];

export type StaffDecision = { action: 'approve'; message?: string } | { action: 'reject'; reason: string } | { action: 'request'; message: string };

/** Asks `done` every 100 ms, two seconds at most: a decision a page just signalled is then recorded, and the page it redirects to shows it. */
async function twoSecondsAtMostUntil(done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 20 && !(await done()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Ignores the answer of a start whose workflow already runs (a repeated request). */
async function once(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** `eagerStart`: a worker of this process polls on the client's connection (server.ts). */
export function createWorkflowClient(temporal: Client, taskQueue: string, logger: Logger, db: Db, options: { eagerStart: boolean; placeOrderDeadlineMs?: number } = { eagerStart: false }) {
  const placeOrderDeadlineMs = options.placeOrderDeadlineMs ?? 20_000;
  const queryOrNull = async <T>(query: () => Promise<T>): Promise<T | null> => {
    try {
      return await query();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  };
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

  /** The basket's workflow, its order number searchable from the first place put in the cart. */
  const basketStart = (basket: BasketInput, family: Family) => ({
    taskQueue,
    workflowId: basketWorkflowId(basket.number),
    // While the basket runs, opening it again is a no-op the server does not even bill.
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    args: [basket] as [BasketInput],
    typedSearchAttributes: [...familyAttributes(family), { key: OrderNumberAttribute, value: basket.number }, { key: StatusAttribute, value: 'cart' }],
  });

  return {
    /** Whether the Temporal service answers (for /health). */
    reachable: () => temporal.connection.workflowService.getSystemInfo({}).then(() => true),

    // Accounts and subscriptions (the approval mechanism).
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

    // Online requests (the approval mechanism too).
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

    // Absences for illness. The certificate and the decision start the workflow if its start was
    // lost (Temporal unreachable when the absence was declared): nothing waits on a workflow that never ran.
    startAbsence: (input: AbsenceInput, family: Family) =>
      once(temporal.workflow.start<typeof absence>('absence', { taskQueue, workflowId: absenceWorkflowId(input.absenceId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input], typedSearchAttributes: familyAttributes(family) })),
    absenceCertificateSent: (input: AbsenceInput, family: Family) =>
      temporal.workflow.signalWithStart<typeof absence, []>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: certificateSent,
        signalArgs: [],
        typedSearchAttributes: familyAttributes(family),
      }),
    /** Staff's decision; answers once the workflow has recorded it (the page then shows it), or after 2 s. */
    decideAbsence: async (input: AbsenceInput, family: Family, decision: { staffId: number; verdict: AbsenceVerdict }) => {
      const handle = await temporal.workflow.signalWithStart<typeof absence, [typeof decision]>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: absenceDecided,
        signalArgs: [decision],
        typedSearchAttributes: familyAttributes(family),
      });
      await twoSecondsAtMostUntil(async () => {
        const state = await handle.query(absenceState).catch(() => null);
        return state !== null && state.status !== 'waiting-staff' && state.status !== 'waiting-certificate';
      });
    },

    /** A day's waiting list looks at its places again (a family joined, a place freed); started if it does not run. */
    waitlistPlaceFreed: (productId: number, day: string) =>
      temporal.workflow.signalWithStart<typeof waitlist, []>('waitlist', { taskQueue, workflowId: waitlistWorkflowId(productId, day), args: [{ productId, day }], signal: placeFreed, signalArgs: [] }),

    /** A document accepted until a day: its family's watch for that type is told, or starts. */
    watchDocumentExpiry: (userId: number, kind: string, document: AcceptedDocument) =>
      temporal.workflow.signalWithStart<typeof documentExpiry, [AcceptedDocument]>('documentExpiry', {
        taskQueue,
        workflowId: documentExpiryWorkflowId(userId, kind),
        args: [{ userId, kind, ...document }],
        signal: documentAccepted,
        signalArgs: [document],
      }),

    /** A family's RGPD erasure; its commune only as search attribute (the address is being erased). */
    startErasure: (userId: number, requestId: number, commune: string | null) =>
      once(
        temporal.workflow.start<typeof erasure>('erasure', {
          taskQueue,
          workflowId: erasureWorkflowId(userId),
          args: [{ userId, requestId }],
          ...(commune ? { typedSearchAttributes: [{ key: CommuneAttribute, value: commune }] } : {}),
        }),
      ),
    /** Staff recorded the transfer of the balance (in the database first): the erasure goes on. */
    erasureWalletReturned: async (userId: number) => {
      try {
        await temporal.workflow.getHandle(erasureWorkflowId(userId)).signal(walletReturned);
      } catch (error) {
        // Its weekly reminder reads the database: the workflow goes on without the signal.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        logger.warn({ userId }, 'erasure workflow not found for a recorded transfer');
      }
    },

    // The cart's basket, which becomes its order.
    /**
     * Opens the basket of the places just held (they are in the database already). Not reached,
     * the cart still works: « Commander » starts the basket if it is not running, and the
     * hold sweep gives back the places of a cart left alone.
     */
    openBasket: async (basket: BasketInput, family: Family): Promise<{ eagerlyStarted: boolean } | null> => {
      try {
        // Eagerly: the answer brings the basket's first task to this process's worker, which runs
        // it at once instead of the server queueing it for whichever worker polls next. Opening day
        // starts hundreds a second.
        const handle = await temporal.workflow.start<typeof basketWorkflow>('basket', { ...basketStart(basket, family), requestEagerStart: options.eagerStart });
        return { eagerlyStarted: handle.eagerlyStarted };
      } catch (error) {
        logger.error({ err: error, basket: basket.number }, 'basket workflow not reached');
        return null;
      }
    },
    /**
     * « Commander »: the order (its row just written) goes to its basket, started if it is not
     * running; refused when the basket is past its checkout's first step (paying, a voucher
     * taken). A parent waits 20 s at most: a basket whose worker died waits up to 10 s for the
     * Temporal server to give its task to another, and a page that gave up sooner would undo an
     * order its basket is about to take.
     */
    placeOrder: async (order: OrderInput, family: Family, expiresAt: Date): Promise<{ placed: true } | { refused: string }> => {
      try {
        await temporal.connection.withDeadline(Date.now() + placeOrderDeadlineMs, () =>
          temporal.workflow.executeUpdateWithStart(placeOrder, {
            args: [order],
            startWorkflowOperation: new WithStartWorkflowOperation<typeof basketWorkflow>('basket', basketStart({ number: order.number, expiresAt: expiresAt.toISOString() }, family)),
          }),
        );
        return { placed: true };
      } catch (error) {
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
        return { refused: error.cause?.message ?? error.message };
      }
    },
    orderState: (number: string): Promise<OrderState> => temporal.workflow.getHandle<typeof orderWorkflow>(orderWorkflowId(number)).query(orderState),
    /** Sends a checkout step (an Update): the order's new state, or the reason it was refused. */
    orderStep: async (number: string, send: (order: WorkflowHandle<typeof orderWorkflow>) => Promise<OrderState>): Promise<{ state: OrderState } | { refused: string }> => {
      try {
        return { state: await send(temporal.workflow.getHandle<typeof orderWorkflow>(orderWorkflowId(number))) };
      } catch (error) {
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
        return { refused: error.cause?.message ?? error.message };
      }
    },

    // Card payments and wallet top-ups.
    startTopUp: (paymentId: number, family: Family) =>
      temporal.workflow.start<typeof walletTopUp>('walletTopUp', { taskQueue, workflowId: topUpWorkflowId(paymentId), args: [{ paymentId }], typedSearchAttributes: familyAttributes(family) }),
    topUpState: (paymentId: number): Promise<{ status: TopUpStatus } | null> => queryOrNull(() => temporal.workflow.getHandle(topUpWorkflowId(paymentId)).query(topUpState)),
    /** Tells the workflow waiting on a card payment its outcome; false when that workflow is not running. */
    cardPaymentOutcome: async (payment: { purpose: 'order' | 'topup'; id: number; order_number: string | null }, outcome: CardNotification): Promise<boolean> => {
      if (payment.purpose === 'order' && !payment.order_number) return false;
      const workflowId = payment.purpose === 'order' ? orderWorkflowId(payment.order_number!) : topUpWorkflowId(payment.id);
      try {
        await temporal.workflow.getHandle(workflowId).signal(cardPaymentNotified, outcome);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
    /** Money taken for an order that already ended goes to the family's wallet, never kept. */
    startLateCardPayment: (paymentId: number, amountCents: number) =>
      once(temporal.workflow.start<typeof lateCardPayment>('lateCardPayment', { taskQueue, workflowId: `late-payment-${paymentId}`, args: [{ paymentId, amountCents }] })),
    /** A top-up whose workflow gave up (no answer in time) still settles, in a new run. */
    settleLateTopUp: (paymentId: number, outcome: CardNotification) =>
      temporal.workflow.signalWithStart<typeof walletTopUp, [CardNotification]>('walletTopUp', {
        taskQueue,
        workflowId: topUpWorkflowId(paymentId),
        args: [{ paymentId }],
        signal: cardPaymentNotified,
        signalArgs: [outcome],
      }),

    // Mail sent on behalf of a page: the page answers at once, Temporal retries the SMTP server.
    /** An exceptional closure's cancellations and refunds, followable in the Temporal UI. */
    startClosure: (closureId: number) => once(temporal.workflow.start<typeof closure>('closure', { taskQueue, workflowId: closureWorkflowId(closureId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [{ closureId }] })),
    // The mail is stored first; the workflow carries only its id (no address, text or link).
    sendMailLater: async (input: { idempotencyKey: string; to: string; mail: ComposedMail }) => {
      const outboxId = await storeMail(db, { idempotencyKey: input.idempotencyKey, to: input.to, ...input.mail });
      await once(temporal.workflow.start<typeof deliverMail>('deliverMail', { taskQueue, workflowId: deliverMailWorkflowId(input.idempotencyKey), args: [{ outboxId }] }));
    },
  };
}

export type WorkflowClient = ReturnType<typeof createWorkflowClient>;

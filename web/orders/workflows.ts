// The orders' door to Temporal: the cart's basket, which becomes its order, and the checkout's
// steps sent to it as Updates.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { basket as basketWorkflow } from '../../workflows/orders/basket.ts';
import { basketWorkflowId, placeOrder, type BasketInput } from '../../workflows/orders/basket.messages.ts';
import type { order as orderWorkflow } from '../../workflows/orders/legacy/order.ts';
import { orderState, orderWorkflowId, type OrderInput, type OrderState } from '../../workflows/orders/order.messages.ts';
import { OrderNumberAttribute, ProcessStateAttribute } from '../../workflows/common/search-attributes.ts';
import { familyAttributes, once, type Family, type WorkflowDoor } from '../http/workflow-door.ts';
import type { cardRefund as cardRefundWorkflow } from '../../workflows/orders/card-refund.ts';
import { cardRefundWorkflowId, type CardRefundInput } from '../../workflows/orders/card-refund.messages.ts';

export function orderWorkflows({ temporal, taskQueue, logger, eagerStart, placeOrderDeadlineMs }: WorkflowDoor) {
  /** The basket's workflow, its order number searchable from the first place put in the cart. */
  const basketStart = (basket: BasketInput, family: Family) => ({
    taskQueue,
    workflowId: basketWorkflowId(basket.number),
    // While the basket runs, opening it again is a no-op the server does not even bill.
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    args: [basket] as [BasketInput],
    typedSearchAttributes: [...familyAttributes(family), { key: OrderNumberAttribute, value: basket.number }, { key: ProcessStateAttribute, value: 'cart' }],
  });

  return {
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
        const handle = await temporal.workflow.start<typeof basketWorkflow>('basket', { ...basketStart(basket, family), requestEagerStart: eagerStart });
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
    /**
     * A card refund's try at the provider (its row written already): a new run of the refund's id
     * for each try; a start repeated while one runs is ignored.
     */
    startCardRefund: (input: CardRefundInput): Promise<void> =>
      once(temporal.workflow.start<typeof cardRefundWorkflow>('cardRefund', { taskQueue, workflowId: cardRefundWorkflowId(input.cardRefundId), workflowIdReusePolicy: 'ALLOW_DUPLICATE', args: [input] })),
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
  };
}

// The card refund's workflow id and input, for the pages that start it.
export interface CardRefundInput {
  cardRefundId: number;
  /** The try: each asks the provider its own question. */
  attempt: number;
}

export const cardRefundWorkflowId = (cardRefundId: number) => `card-refund-${cardRefundId}`;

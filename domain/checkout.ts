// How long an order keeps its places: for the checkout after « Commander », and again once its
// payment starts (the card provider's page may take the family a while), and for the cart's time
// after a payment refused, while the family tries again.
export const HOLD_WHILE_ORDERING_MS = 45 * 60_000;
export const HOLD_AFTER_REFUSAL_MS = 30 * 60_000;

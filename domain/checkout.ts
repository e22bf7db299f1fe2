// How long an order keeps its places: for the checkout after « Commander », and again once its
// payment starts (the card provider's page may take the family a while).
export const HOLD_WHILE_ORDERING_MS = 45 * 60_000;

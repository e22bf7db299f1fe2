// The booking capability's queries as the other capabilities use them: they reach this folder
// through this file only (lint), so what is not listed here stays the capability's own.
export { placeHolds, productForBooking } from './booking.ts';
export type { BookingProduct } from './booking.ts';
export { cartSummary } from './cart.ts';
export type { CartSummary } from './cart.ts';

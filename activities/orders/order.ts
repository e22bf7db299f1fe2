// Activities of the order workflow, thin over db/queries/orders/order-steps.ts and order-outcome.ts.
// A refusal the family caused (unknown address, voucher refused, balance too low, place lost)
// becomes a non-retryable failure the workflow answers; anything else is retried.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../../db/connection.ts';
import { InsufficientFunds } from '../../db/queries/wallet/index.ts';
import { OrderStepRefused, extendOrderHolds, planOrderPayment, reopenOrderPayment, recordTermsAccepted, reserveVoucher, setOrderAddress } from '../../db/queries/orders/order-steps.ts';
import {
  abandonOrder, confirmOrder, createOrderCardPayment, creditCardPartToWallet, debitWalletForOrder, orderMailFacts, refundWalletForOrder, settleLateOrderPayment, settleOrderCardPayment,
  type CardSettlement,
} from '../../db/queries/orders/order-outcome.ts';
import { orderMail } from './mails.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

async function refusalsAsFailures<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof OrderStepRefused) throw ApplicationFailure.nonRetryable(error.message, error.type);
    if (error instanceof InsufficientFunds) throw ApplicationFailure.nonRetryable(error.message, 'InsufficientFunds');
    throw error;
  }
}

export function createOrderActivities({ db, now, publicUrl, mail }: Deps) {
  return {
    extendOrderHolds: (input: { orderId: number; until: string }) => extendOrderHolds(db, input.orderId, new Date(input.until)),
    setOrderAddress: (input: { orderId: number; addressId: number }) => refusalsAsFailures(setOrderAddress(db, input.orderId, input.addressId)),
    recordTermsAccepted: (input: { orderId: number }) => recordTermsAccepted(db, input.orderId, now()),
    reserveVoucher: (input: { orderId: number; code: string }) => refusalsAsFailures(reserveVoucher(db, input.orderId, input.code, now())),
    planOrderPayment: (input: { orderId: number; walletCents: number; cardCents: number }) => planOrderPayment(db, input.orderId, input.walletCents, input.cardCents),
    reopenOrderPayment: (input: { orderId: number; until: string }) => reopenOrderPayment(db, input.orderId, new Date(input.until)),
    debitWalletForOrder: (input: { orderId: number; key: string }) => refusalsAsFailures(debitWalletForOrder(db, input.orderId, input.key, now())),
    refundWalletForOrder: (input: { orderId: number; key: string }) => refundWalletForOrder(db, input.orderId, input.key, now()),
    creditCardPartToWallet: (input: { orderId: number; key: string }) => creditCardPartToWallet(db, input.orderId, input.key, now()),
    createOrderCardPayment: (input: { orderId: number; cardType: string }) => createOrderCardPayment(db, input.orderId, input.cardType),
    settleOrderCardPayment: (input: CardSettlement) => settleOrderCardPayment(db, input, now()),
    confirmOrder: (input: { orderId: number }) => refusalsAsFailures(confirmOrder(db, input.orderId, now())),
    abandonOrder: (input: { orderId: number; reason: string }) => abandonOrder(db, input.orderId, input.reason, now()),
    settleLateOrderPayment: (input: { paymentId: number; amountCents: number }) => settleLateOrderPayment(db, input.paymentId, input.amountCents, now()),

    async sendOrderMail(input: { orderId: number; kind: 'confirmed' | 'abandoned'; key: string }): Promise<void> {
      const facts = await orderMailFacts(db, input.orderId);
      await mail.sendMail({ idempotencyKey: input.key, to: facts.user.email, ...orderMail(input.kind, facts, publicUrl) });
    },
  };
}

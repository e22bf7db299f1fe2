// Activities of the erasure workflow (their SQL: db/queries/personal-data/erasure.ts) and the parent's mail at
// each step, keyed by request and step so that each goes once. The family's files are removed
// from the document store before their rows, so a retry still finds what is left to remove.
import type { Db } from '../../db/connection.ts';
import { staffToRemind } from '../../db/queries/approvals/index.ts';
import {
  cancelFutureReservations,
  checkoutsInProgress,
  closeAccount,
  closeFamilyCases,
  erasePersonalData,
  erasureRequest,
  familyFileKeys,
  openFamilyCases,
  walletToReturn,
} from '../../db/queries/personal-data/erasure.ts';
import type { DocumentStore } from '../../lib/documents/store.ts';
import { erasureMails } from './mails.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  documents: DocumentStore;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export type ErasureStep = { step: 'received' } | { step: 'reservations-cancelled'; count: number; cents: number } | { step: 'wallet-to-return'; cents: number } | { step: 'wallet-returned' } | { step: 'done' };

export function createErasureActivities({ db, documents, now, publicUrl, mail }: Deps) {
  const toParent = async (requestId: number, step: ErasureStep) => {
    const request = await erasureRequest(db, requestId);
    if (request.status === 'done') return;
    const name = request.first_name;
    const content =
      step.step === 'received' ? erasureMails.received(name)
      : step.step === 'reservations-cancelled' ? erasureMails.reservationsCancelled(name, step.count, step.cents)
      : step.step === 'wallet-to-return' ? erasureMails.walletToReturn(name, step.cents, request.iban ? request.iban.slice(-4) : null)
      : step.step === 'wallet-returned' ? erasureMails.walletReturned(name, request.wallet_cents ?? 0, request.wallet_reference ?? '')
      : erasureMails.done(name);
    // A balance returned twice (money arrived after the first transfer) is mailed twice.
    const round = step.step === 'wallet-to-return' ? `-${step.cents}` : step.step === 'wallet-returned' ? `-${request.wallet_reference}` : '';
    await mail.sendMail({ idempotencyKey: `erasure-${requestId}/${step.step}${round}`, to: request.email, ...content });
  };

  return {
    closeErasedAccount: (input: { requestId: number }) => closeAccount(db, input.requestId, now()),
    mailErasureStep: (input: { requestId: number } & ErasureStep) => toParent(input.requestId, input),
    erasureCheckoutsInProgress: (input: { userId: number }) => checkoutsInProgress(db, input.userId),
    erasedFamilyOpenCases: (input: { userId: number }) => openFamilyCases(db, input.userId),
    closeErasedFamilyCases: (input: { userId: number }) => closeFamilyCases(db, input.userId, now()),
    cancelErasedReservations: (input: { requestId: number; limit: number }) => cancelFutureReservations(db, input.requestId, input.limit, now()),
    erasureWalletToReturn: (input: { requestId: number }) => walletToReturn(db, input.requestId),

    /** Mails the commune's staff while the balance waits; false once they recorded the transfer. */
    async remindStaffOfWalletReturn(input: { requestId: number; reminder: number }): Promise<boolean> {
      const request = await erasureRequest(db, input.requestId);
      if (request.status !== 'awaiting-wallet-return') return false;
      const content = erasureMails.staffReminder(request.wallet_cents ?? 0, `${publicUrl}/agent/effacements`);
      for (const recipient of await staffToRemind(db, request.commune_id)) {
        await mail.sendMail({ idempotencyKey: `erasure-${input.requestId}/staff-reminder-${input.reminder}/${recipient.id}`, to: recipient.email, ...content });
      }
      return true;
    },

    async deleteErasedFiles(input: { userId: number }): Promise<number> {
      const keys = await familyFileKeys(db, input.userId);
      for (const key of keys) await documents.remove(key);
      return keys.length;
    },

    eraseFamilyData: (input: { requestId: number }) => erasePersonalData(db, input.requestId, now()),
  };
}

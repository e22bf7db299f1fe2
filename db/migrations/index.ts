// The list of migrations, in order. Listed by hand rather than read from the folder so that the
// same code runs under tsx, vitest and a bundled build. Landed migrations never change.
import type { Migration } from 'kysely';
import * as catalogue from './2026-11-27T1500_catalogue.ts';
import * as usersSessions from './2026-11-27T1510_users_sessions.ts';
import * as outboxMails from './2026-11-27T1520_outbox_mails.ts';
import * as accounts from './2026-11-27T1600_accounts.ts';
import * as familyServices from './2026-11-27T1700_family_services.ts';
import * as booking from './2026-11-27T1800_booking.ts';
import * as wallet from './2026-11-27T1900_wallet.ts';
import * as orders from './2026-11-27T2000_orders.ts';
import * as paymentsToReconcile from './2026-12-02T1000_payments_to_reconcile.ts';
import * as attendance from './2026-12-02T1100_attendance.ts';
import * as closures from './2026-12-02T1200_closures.ts';
import * as auditAppendOnly from './2026-12-02T1300_audit_append_only.ts';
import * as productsPublished from './2026-12-02T1400_products_published.ts';
import * as cardRefunds from './2026-12-02T1500_card_refunds.ts';
import * as onlineRequests from './2026-12-02T1600_online_requests.ts';
import * as productChannel from './2026-12-02T1700_product_channel_cancellation.ts';
import * as bookingLists from './2026-12-02T1800_booking_lists.ts';
import * as documentExpiry from './2026-12-02T1900_document_expiry.ts';
import * as requiredDocuments from './2026-12-02T2000_product_required_documents.ts';
import * as erasureRequests from './2026-12-03T0900_erasure_requests.ts';
import * as offerDocuments from './2026-12-03T1000_service_offer_required_documents.ts';
import * as slotTaken from './2026-12-03T1100_slot_taken_counter.ts';
import * as holdBaskets from './2026-12-04T0900_hold_baskets.ts';
import * as absences from './2026-12-05T0900_absences.ts';
import * as waitingList from './2026-12-06T0900_waiting_list.ts';
import * as reservationRefunds from './2026-12-07T1100_reservation_refunds.ts';
import * as formerEmails from './2026-12-07T1200_former_emails.ts';
import * as regies from './2026-12-08T0900_regies.ts';
import * as payfip from './2026-12-08T1000_payfip.ts';
import * as regieClosing from './2026-12-08T1200_regie_closing.ts';
import * as providerRefunds from './2026-12-08T1300_provider_refunds.ts';
import * as childFile from './2026-12-09T0900_child_file.ts';
import * as guardians from './2026-12-09T1000_guardians.ts';
import * as registration from './2026-12-09T1100_registration.ts';
import * as childNotes from './2026-12-09T1600_child_notes.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-27T1500_catalogue': catalogue,
  '2026-11-27T1510_users_sessions': usersSessions,
  '2026-11-27T1520_outbox_mails': outboxMails,
  '2026-11-27T1600_accounts': accounts,
  '2026-11-27T1700_family_services': familyServices,
  '2026-11-27T1800_booking': booking,
  '2026-11-27T1900_wallet': wallet,
  '2026-11-27T2000_orders': orders,
  '2026-12-02T1000_payments_to_reconcile': paymentsToReconcile,
  '2026-12-02T1100_attendance': attendance,
  '2026-12-02T1200_closures': closures,
  '2026-12-02T1300_audit_append_only': auditAppendOnly,
  '2026-12-02T1400_products_published': productsPublished,
  '2026-12-02T1500_card_refunds': cardRefunds,
  '2026-12-02T1600_online_requests': onlineRequests,
  '2026-12-02T1700_product_channel_cancellation': productChannel,
  '2026-12-02T1800_booking_lists': bookingLists,
  '2026-12-02T1900_document_expiry': documentExpiry,
  '2026-12-02T2000_product_required_documents': requiredDocuments,
  '2026-12-03T0900_erasure_requests': erasureRequests,
  '2026-12-03T1000_service_offer_required_documents': offerDocuments,
  '2026-12-03T1100_slot_taken_counter': slotTaken,
  '2026-12-04T0900_hold_baskets': holdBaskets,
  '2026-12-05T0900_absences': absences,
  '2026-12-06T0900_waiting_list': waitingList,
  '2026-12-07T1100_reservation_refunds': reservationRefunds,
  '2026-12-07T1200_former_emails': formerEmails,
  '2026-12-08T0900_regies': regies,
  '2026-12-08T1000_payfip': payfip,
  '2026-12-08T1200_regie_closing': regieClosing,
  '2026-12-08T1300_provider_refunds': providerRefunds,
  '2026-12-09T0900_child_file': childFile,
  '2026-12-09T1000_guardians': guardians,
  '2026-12-09T1100_registration': registration,
  '2026-12-09T1600_child_notes': childNotes,
};

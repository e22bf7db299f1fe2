// Every route module's access declarations, gathered: the app enforces them on each request
// (web/middleware/access.ts) and the reliability suite asks every route against them.
import type { Access, AccessTable } from '../access.ts';
import { accountAccess } from './account.tsx';
import { attendanceAccess } from './agent/attendance.tsx';
import { auditAccess } from './agent/audit.tsx';
import { catalogueAdminAccess } from './agent/catalogue.tsx';
import { catalogueEditAccess } from './agent/catalogue-edit.tsx';
import { closureAccess } from './agent/closures.tsx';
import { dashboardAccess } from './agent/dashboard.tsx';
import { erasureAccess } from './agent/erasures.tsx';
import { staffAccountAccess } from './agent/staff-accounts.tsx';
import { familySearchAccess } from './agent/families.tsx';
import { kitchenAccess } from './agent/kitchen.tsx';
import { onlineRequestAccess } from './agent/online-requests.tsx';
import { requestFormAccess } from './agent/request-forms.tsx';
import { staffOrderAccess } from './agent/orders.tsx';
import { paymentReconciliationAccess } from './agent/payments.tsx';
import { serviceOfferAccess } from './agent/service-offers.tsx';
import { serviceRequestAccess } from './agent/services.tsx';
import { validationAccess } from './agent/validations.tsx';
import { authAccess } from './auth.tsx';
import { bookingAccess } from './booking.tsx';
import { bookingListAccess } from './booking-lists.tsx';
import { catalogueAccess } from './catalogue.tsx';
import { checkoutAccess } from './checkout.tsx';
import { devMailAccess } from './dev-mails.tsx';
import { eTicketAccess } from './e-tickets.tsx';
import { familyAccess } from './family.tsx';
import { absenceFamilyAccess } from './absences.tsx';
import { absenceStaffAccess } from './agent/absences.tsx';
import { healthAccess } from './health.ts';
import { waitlistFamilyAccess } from './waitlist.tsx';
import { waitlistStaffAccess } from './agent/waitlist.tsx';
import { historyAccess } from './history.tsx';
import { homeAccess } from './home.tsx';
import { onlineRequestFamilyAccess } from './online-requests.tsx';
import { passwordAccess } from './passwords.tsx';
import { paymentNotificationAccess } from './payment-notification.ts';
import { personalDataAccess } from './personal-data.tsx';
import { personalInfoAccess } from './personal-info.tsx';
import { sandboxAccess } from './sandbox.tsx';
import { serviceAccess } from './services.tsx';
import { staticAccess } from './static.ts';
import { voucherAccess } from './vouchers.tsx';
import { walletAccess } from './wallet.tsx';

const tables: AccessTable[] = [
  absenceFamilyAccess, absenceStaffAccess, waitlistStaffAccess, accountAccess, attendanceAccess, auditAccess, catalogueAdminAccess, catalogueEditAccess, closureAccess, dashboardAccess, erasureAccess, staffAccountAccess, familySearchAccess, kitchenAccess, onlineRequestAccess, requestFormAccess, staffOrderAccess, paymentReconciliationAccess, serviceRequestAccess, serviceOfferAccess, validationAccess, authAccess, bookingAccess, bookingListAccess, catalogueAccess, checkoutAccess,
  devMailAccess, eTicketAccess, familyAccess, healthAccess, historyAccess, homeAccess, onlineRequestFamilyAccess, passwordAccess, paymentNotificationAccess, personalDataAccess, personalInfoAccess,
  sandboxAccess, serviceAccess, staticAccess, voucherAccess, waitlistFamilyAccess, walletAccess,
];

/** Every declared route ("METHOD /path/:param") with its access; a route declared twice throws. */
export function declaredAccess(): Map<string, Access> {
  const declared = new Map<string, Access>();
  for (const table of tables) {
    for (const [key, access] of Object.entries(table)) {
      if (declared.has(key)) throw new Error(`${key} is declared twice`);
      declared.set(key, access);
    }
  }
  return declared;
}

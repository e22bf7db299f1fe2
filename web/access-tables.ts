// Every route module's access declarations, gathered: the app enforces them on each request
// (web/middleware/access.ts) and the reliability suite asks every route against them.
import type { Access, AccessTable } from './http/access.ts';
import { accountAccess } from './accounts/account.tsx';
import { attendanceAccess } from './tickets/attendance.tsx';
import { auditAccess } from './staff/audit.tsx';
import { catalogueAdminAccess } from './catalogue/staff.tsx';
import { catalogueEditAccess } from './catalogue/staff-edit.tsx';
import { closureAccess } from './closures/closures.tsx';
import { dashboardAccess } from './dashboard/dashboard.tsx';
import { erasureAccess } from './personal-data/erasures.tsx';
import { staffAccountAccess } from './staff/accounts.tsx';
import { familySearchAccess } from './family/staff.tsx';
import { kitchenAccess } from './kitchen/kitchen.tsx';
import { onlineRequestAccess } from './requests/staff.tsx';
import { requestFormAccess } from './requests/forms.tsx';
import { staffOrderAccess } from './orders/staff.tsx';
import { paymentReconciliationAccess } from './payments/reconciliation.tsx';
import { serviceOfferAccess } from './services/offers.tsx';
import { serviceRequestAccess } from './services/staff.tsx';
import { validationAccess } from './approvals/validations.tsx';
import { authAccess } from './accounts/auth.tsx';
import { bookingAccess } from './booking/booking.tsx';
import { bookingListAccess } from './booking/lists.tsx';
import { catalogueAccess } from './catalogue/public.tsx';
import { checkoutAccess } from './orders/checkout.tsx';
import { devMailAccess } from './mail/dev-mails.tsx';
import { eTicketAccess } from './tickets/e-tickets.tsx';
import { familyAccess } from './family/family.tsx';
import { absenceFamilyAccess } from './absences/family.tsx';
import { absenceStaffAccess } from './absences/staff.tsx';
import { healthAccess } from './site/health.ts';
import { waitlistFamilyAccess } from './waitlist/family.tsx';
import { waitlistStaffAccess } from './waitlist/staff.tsx';
import { historyAccess } from './orders/history.tsx';
import { homeAccess } from './site/home.tsx';
import { onlineRequestFamilyAccess } from './requests/family.tsx';
import { passwordAccess } from './accounts/passwords.tsx';
import { paymentNotificationAccess } from './payments/notification.ts';
import { personalDataAccess } from './personal-data/personal-data.tsx';
import { personalInfoAccess } from './accounts/personal-info.tsx';
import { sandboxAccess } from './payments/sandbox.tsx';
import { serviceAccess } from './services/family.tsx';
import { staticAccess } from './site/static.ts';
import { voucherAccess } from './vouchers/vouchers.tsx';
import { walletAccess } from './wallet/wallet.tsx';

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

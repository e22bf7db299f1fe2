// The typed shape of the PostgreSQL schema, as the migrations leave it. Kysely checks every
// query against these interfaces; keep them in step with db/migrations/. Longer than 300 lines
// because it is read as one: the first tables, their shared unions, and the Database interface
// that gathers them with the later tables' files (*-tables.ts), which a test holds to the database.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AbsenceDaysTable, AbsencesTable } from './absence-tables.ts';
import type { WaitlistEntriesTable } from './waitlist-tables.ts';
import type { AttendanceTable, AuditLogTable, CardRefundsTable, ClosuresTable } from './back-office-tables.ts';
import type { BookingListsTable, ErasureRequestsTable, ETicketsTable, FormerEmailsTable } from './family-tables.ts';
import type { OrderLinesTable, OrdersTable } from './order-tables.ts';
import type { PaymentsTable, WalletAccountsTable, WalletEntriesTable } from './money-tables.ts';
import type { CustodyRulesTable, GuardianInvitationsTable } from './guardian-tables.ts';
import type { ChildAuthorisationsTable, ChildContactsTable, ChildDeparturesTable, ChildFileChangesTable, ChildHealthRecordsTable } from './child-file-tables.ts';
import type { RegistrationCampaignProductsTable, RegistrationCampaignsTable, RegistrationConfirmationsTable, RegistrationFamiliesTable } from './registration-tables.ts';
import type { JournalEntriesTable, RegieClosingsTable, RegieCommunesTable, RegieCountersTable, RegieMembersTable, RegiesTable } from './regie-tables.ts';
import type { OnlineRequestsTable, RequestFormsTable, RequestMessagesTable } from './request-tables.ts';
import type { CreatedAt, IsoDate, Timestamp } from './column-types.ts';

export type { CreatedAt, IsoDate, Timestamp } from './column-types.ts';

export type ProductCategory =
  | 'cantines'
  | 'garderies'
  | 'ramassage-scolaire'
  | 'centres-de-loisirs'
  | 'velo-en-velay'
  | 'pass-card'
  | 'sports'
  | 'demarches-en-ligne';

export interface CommunesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  mairie_label: string;
  phone: string | null;
}

export interface ServiceOffersTable {
  id: Generated<number>;
  commune_id: number;
  label: string;
  position: number;
  required_documents: ColumnType<DocumentKind[], DocumentKind[] | undefined, DocumentKind[]>;
}

export interface ProductsTable {
  id: Generated<number>;
  commune_id: number;
  /** The régie its money goes through; a product created without one joins its commune's (a trigger). */
  regie_id: ColumnType<number, number | undefined, number>;
  category: ProductCategory;
  kind: 'dated' | 'ticket' | 'subscription';
  name: string;
  provider_label: string;
  description: string;
  /** ISO weekdays (1 = lundi … 7 = dimanche) on which the product runs. */
  weekdays: number[];
  season_start: IsoDate;
  season_end: IsoDate;
  /** School and public holidays on which the product does not run. */
  closed_days: ColumnType<IsoDate[], IsoDate[] | undefined, IsoDate[]>;
  /** Booking closes this many working days before the day, at this hour (Paris time). */
  booking_deadline_days: ColumnType<number, number | undefined, number>;
  booking_deadline_hour: ColumnType<number, number | undefined, number>;
  /** A family cancels (and is refunded) until this many working days before, at this hour. */
  cancel_deadline_days: ColumnType<number, number | undefined, number>;
  cancel_deadline_hour: ColumnType<number, number | undefined, number>;
  /** Booked online, or only at the town hall (the product page says so, nothing is bookable). */
  channel: ColumnType<'online' | 'mairie', 'online' | 'mairie' | undefined, 'online' | 'mairie'>;
  /** Optional pricing rules (domain/pricing.ts), checked when read. */
  pricing: ColumnType<unknown, string | undefined, string>;
  /** Types of supporting document a family must hold, accepted and valid, to book it. */
  required_documents: ColumnType<DocumentKind[], DocumentKind[] | undefined, DocumentKind[]>;
  /** Visible to families and bookable; staff publish what they create. */
  published: ColumnType<boolean, boolean | undefined, boolean>;
  /** An absence for illness may be declared until this many hours after the day's end. */
  absence_declare_hours: ColumnType<number, number | undefined, number>;
  /** Its medical certificate may follow within this many days of the declaration. */
  absence_certificate_days: ColumnType<number, number | undefined, number>;
  /** A place freed is offered to the first family waiting for this many hours. */
  waitlist_offer_hours: ColumnType<number, number | undefined, number>;
  /** The commune's residents come first in the waiting lists. */
  waitlist_residents_first: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface ProductOffersTable {
  product_id: number;
  service_offer_id: number;
}

export interface PrestationsTable {
  id: Generated<number>;
  product_id: number;
  label: string;
  price_cents: number;
  position: number;
}

export interface SlotsTable {
  id: Generated<number>;
  product_id: number;
  prestation_id: number;
  service_date: IsoDate;
  capacity: number;
  taken: Generated<number>; // places held or reserved, kept by triggers (migration 2026-12-03T1100)
}

export type UserRole = 'parent' | 'staff' | 'admin';
export type AccountStatus = 'pending' | 'validated' | 'rejected' | 'suspended' | 'erased';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp | null;
  /** Commune of residence: decides which staff validate the account. */
  commune_id: number | null;
  /** Entered by staff from the CAF attestation; null means the top pricing tier. */
  quotient_familial: number | null;
  /** Why the account was refused, in the staff's words, shown to the parent. */
  status_reason: string | null;
  created_at: CreatedAt;
}

export interface StaffCommunesTable {
  user_id: number;
  commune_id: number;
}

export interface SessionsTable {
  /** The public half of the cookie's token. */
  id: string;
  /** SHA-256 of the secret half, hex-encoded: a stolen table yields no usable cookie. */
  secret_hash: string;
  user_id: number;
  expires_at: Timestamp;
  /** Given at login, from the same clock as the expiry: the absolute lifetime counts from it. */
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface OutboxMailsTable {
  id: Generated<number>;
  idempotency_key: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: ColumnType<'pending' | 'sent', 'pending' | 'sent' | undefined, 'pending' | 'sent'>;
  attempts: ColumnType<number, number | undefined, number>;
  message_id: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export type TokenPurpose = 'signup' | 'password-reset' | 'invitation' | 'email-change';

export interface OneTimeTokensTable {
  id: Generated<number>;
  purpose: TokenPurpose;
  email: string;
  user_id: number | null;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
}

export type DocumentKind = 'justificatif-domicile' | 'attestation-caf' | 'livret-famille' | 'attestation-assurance' | 'certificat-medical' | 'pai' | 'autre';
export type DocumentStatus = 'pending' | 'accepted' | 'refused' | 'expired';

export interface DocumentsTable {
  id: Generated<number>;
  owner_id: number;
  kind: DocumentKind;
  file_name: string;
  mime_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  refusal_reason: string | null;
  /** Given by the upload, from the clock the hourly quota counts with. */
  uploaded_at: ColumnType<Date, Date | undefined, never>;
  reviewed_at: Timestamp | null;
  /** Accepted until this day included (none: no end), then expired. */
  expires_on: IsoDate | null;
}

export type Relationship = 'enfant' | 'conjoint' | 'autre';

export interface DependantsTable {
  id: Generated<number>;
  guardian_id: number;
  /** The second guardian, with their own account (shared custody); at most two. */
  co_guardian_id: number | null;
  first_name: string;
  last_name: string;
  birth_date: IsoDate;
  relationship: Relationship;
  /** Empty: the old free-text notes moved into the fiche sanitaire (child_health_records); nothing writes it. */
  notes: string | null;
  /** Set when the family removed a child who has reservations in the history. */
  removed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AddressesTable {
  id: Generated<number>;
  user_id: number;
  label: string;
  line1: string;
  line2: string | null;
  postal_code: string;
  city: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export type SubscriptionStatus = 'pending' | 'validated' | 'refused';

export interface SubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  service_offer_id: number;
  status: ColumnType<SubscriptionStatus, SubscriptionStatus | undefined, SubscriptionStatus>;
  status_reason: string | null;
  requested_at: ColumnType<Date, Date | undefined, Date>;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export type HoldState = 'held' | 'released' | 'expired' | 'confirmed';

export interface HoldsTable {
  id: Generated<number>;
  slot_id: number;
  product_id: number;
  prestation_id: number;
  service_date: IsoDate;
  dependant_id: number;
  user_id: number;
  price_cents: number;
  price_note: string | null;
  /** The number of the order its cart's basket becomes (null: held before baskets). */
  basket: string | null;
  state: ColumnType<HoldState, HoldState | undefined, HoldState>;
  expires_at: Timestamp;
  created_at: CreatedAt;
  ended_at: Timestamp | null;
}

export interface ReservationsTable {
  id: Generated<number>;
  hold_id: number;
  slot_id: number;
  product_id: number;
  prestation_id: number;
  service_date: IsoDate;
  dependant_id: number;
  user_id: number;
  price_cents: number;
  order_line_id: number | null;
  /** The exceptional closure that cancelled it, if any. */
  closure_id: ColumnType<number | null, number | null | undefined, number | null>;
  state: ColumnType<'confirmed' | 'cancelled', 'confirmed' | 'cancelled' | undefined, 'confirmed' | 'cancelled'>;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
  /** Refunded so far, to the wallet and the card: never more than its net paid price (db/queries/orders/refunds.ts). */
  refunded_cents: ColumnType<number, number | undefined, number>;
}

export interface VouchersTable {
  id: Generated<number>;
  code: string;
  label: string;
  kind: 'amount' | 'percent';
  value: number;
  valid_from: IsoDate;
  valid_until: IsoDate;
  min_order_cents: ColumnType<number, number | undefined, number>;
  max_uses: number | null;
  max_uses_per_family: number | null;
  commune_id: number | null;
  product_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface VoucherUsesTable {
  id: Generated<number>;
  voucher_id: number;
  order_id: number;
  user_id: number;
  discount_cents: number;
  state: ColumnType<'reserved' | 'used' | 'released', 'reserved' | 'used' | 'released' | undefined, 'reserved' | 'used' | 'released'>;
  created_at: CreatedAt;
}

export interface Database {
  communes: CommunesTable;
  service_offers: ServiceOffersTable;
  products: ProductsTable;
  product_offers: ProductOffersTable;
  prestations: PrestationsTable;
  slots: SlotsTable;
  users: UsersTable;
  staff_communes: StaffCommunesTable;
  sessions: SessionsTable;
  outbox_mails: OutboxMailsTable;
  one_time_tokens: OneTimeTokensTable;
  rate_limits: RateLimitsTable;
  documents: DocumentsTable;
  audit_log: AuditLogTable;
  attendance: AttendanceTable;
  closures: ClosuresTable;
  card_refunds: CardRefundsTable;
  request_forms: RequestFormsTable;
  online_requests: OnlineRequestsTable;
  request_messages: RequestMessagesTable;
  booking_lists: BookingListsTable;
  erasure_requests: ErasureRequestsTable;
  former_emails: FormerEmailsTable;
  dependants: DependantsTable;
  addresses: AddressesTable;
  subscriptions: SubscriptionsTable;
  holds: HoldsTable;
  reservations: ReservationsTable;
  wallet_accounts: WalletAccountsTable;
  wallet_entries: WalletEntriesTable;
  payments: PaymentsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  e_tickets: ETicketsTable;
  vouchers: VouchersTable;
  voucher_uses: VoucherUsesTable;
  absences: AbsencesTable;
  absence_days: AbsenceDaysTable;
  waitlist_entries: WaitlistEntriesTable;
  regies: RegiesTable;
  regie_communes: RegieCommunesTable;
  regie_members: RegieMembersTable;
  regie_counters: RegieCountersTable;
  journal_entries: JournalEntriesTable;
  regie_closings: RegieClosingsTable;
  child_health_records: ChildHealthRecordsTable;
  child_contacts: ChildContactsTable;
  child_authorisations: ChildAuthorisationsTable;
  child_departures: ChildDeparturesTable;
  child_file_changes: ChildFileChangesTable;
  registration_campaigns: RegistrationCampaignsTable;
  registration_campaign_products: RegistrationCampaignProductsTable;
  registration_families: RegistrationFamiliesTable;
  registration_confirmations: RegistrationConfirmationsTable;
  guardian_invitations: GuardianInvitationsTable;
  custody_rules: CustodyRulesTable;
}

export type Dependant = Selectable<DependantsTable>;
export type Order = Selectable<OrdersTable>;
export type Reservation = Selectable<ReservationsTable>;
export type Address = Selectable<AddressesTable>;

export type Document = Selectable<DocumentsTable>;

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type OutboxMail = Selectable<OutboxMailsTable>;

export type { OrderState } from './order-tables.ts';
export type { PayfipResult, PaymentProviderName, PaymentState, WalletEntryKind } from './money-tables.ts';

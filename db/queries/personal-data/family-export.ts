// Everything the product holds about a family (RGPD, right of access), table by table. Every
// table of the schema is listed here, with the family's rows or the reason it holds none, so that
// a new table cannot be forgotten (db/queries/family-export.test.ts compares with the database).
// Secrets (password and token hashes) are left out: they prove nothing and protect the account.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Database } from '../../database.ts';

type Rows = (db: Db, user: { id: number; email: string }) => Promise<unknown[]>;
export type ExportPlan = { [Table in keyof Database]: { rows: Rows } | { none: string } };

const theirs = {
  reservations: (userId: number) => sql<number>`(select id from reservations where user_id = ${userId})`,
  orders: (userId: number) => sql<number>`(select id from orders where user_id = ${userId})`,
  payments: (userId: number) => sql<number>`(select id from payments where user_id = ${userId})`,
  requests: (userId: number) => sql<number>`(select id from online_requests where user_id = ${userId})`,
  subscriptions: (userId: number) => sql<number>`(select id from subscriptions where user_id = ${userId})`,
  absences: (userId: number) => sql<number>`(select id from absences where user_id = ${userId})`,
  // A shared child is each guardian's: both exports hold it and its file.
  children: (userId: number) => sql<number>`(select id from dependants where guardian_id = ${userId} or co_guardian_id = ${userId})`,
};

/** The audit entries about the family: its account, reservations, subscriptions and requests. */
export const aboutFamily = (eb: ExpressionBuilder<Database, 'audit_log'>, userId: number) =>
  eb.or([
    eb.and([eb('subject_type', 'in', ['user', 'account']), eb('subject_id', '=', userId)]),
    eb.and([eb('subject_type', '=', 'reservation'), eb('subject_id', 'in', theirs.reservations(userId))]),
    eb.and([eb('subject_type', '=', 'subscription'), eb('subject_id', 'in', theirs.subscriptions(userId))]),
    eb.and([eb('subject_type', '=', 'request'), eb('subject_id', 'in', theirs.requests(userId))]),
    eb.and([eb('subject_type', '=', 'absence'), eb('subject_id', 'in', theirs.absences(userId))]),
  ]);

const catalogue = 'the catalogue of the communes, the same for every family';

export const exportPlan: ExportPlan = {
  communes: { none: catalogue },
  service_offers: { none: catalogue },
  products: { none: catalogue },
  product_offers: { none: catalogue },
  prestations: { none: catalogue },
  slots: { none: catalogue },
  request_forms: { none: "the communes' forms; the family's answers are in online_requests" },
  closures: { none: "a commune's closed days; the reservations they cancelled are the family's" },
  vouchers: { none: "the communes' vouchers; their uses by the family are in voucher_uses" },
  staff_communes: { none: 'staff accounts only' },
  users: {
    rows: (db, { id }) =>
      db
        .selectFrom('users')
        .select(['id', 'email', 'first_name', 'last_name', 'phone', 'role', 'status', 'status_reason', 'commune_id', 'quotient_familial', 'must_change_password', 'password_changed_at', 'created_at'])
        .where('id', '=', id)
        .execute(),
  },
  sessions: { rows: (db, { id }) => db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', id).execute() },
  one_time_tokens: {
    rows: (db, { id, email }) =>
      db
        .selectFrom('one_time_tokens')
        .select(['purpose', 'email', 'created_at', 'expires_at', 'used_at'])
        .where((eb) => eb.or([eb('user_id', '=', id), eb(eb.fn('lower', ['email']), '=', email.toLowerCase())]))
        .execute(),
  },
  rate_limits: {
    rows: (db, { id, email }) =>
      db
        .selectFrom('rate_limits')
        .selectAll()
        .where((eb) => eb.or([eb('key', 'like', `%:email:${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}`), eb('key', '=', `password:user:${id}`)]))
        .execute(),
  },
  outbox_mails: {
    rows: (db, { id, email }) =>
      db
        .selectFrom('outbox_mails')
        .select(['subject', 'text_body', 'status', 'created_at', 'sent_at'])
        .where((eb) => eb.or([eb(sql<string>`lower(recipient)`, '=', email.toLowerCase()), eb(sql<string>`lower(recipient)`, 'in', eb.selectFrom('former_emails').select('email').where('user_id', '=', id))]))
        .execute(),
  },
  former_emails: { rows: (db, { id }) => db.selectFrom('former_emails').select(['email', 'left_at']).where('user_id', '=', id).execute() },
  documents: {
    rows: (db, { id }) =>
      db.selectFrom('documents').select(['id', 'kind', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'status', 'refusal_reason', 'uploaded_at', 'reviewed_at']).where('owner_id', '=', id).execute(),
  },
  audit_log: {
    rows: (db, { id }) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'subject_type', 'subject_id', 'details', 'created_at'])
        .where((eb) => aboutFamily(eb, id))
        .orderBy('id')
        .execute(),
  },
  attendance: { rows: (db, { id }) => db.selectFrom('attendance').select(['reservation_id', 'status', 'reason', 'method', 'recorded_at']).where('reservation_id', 'in', theirs.reservations(id)).execute() },
  card_refunds: { rows: (db, { id }) => db.selectFrom('card_refunds').select(['payment_id', 'reservation_id', 'amount_cents', 'provider_reference', 'created_at']).where('payment_id', 'in', theirs.payments(id)).execute() },
  online_requests: { rows: (db, { id }) => db.selectFrom('online_requests').selectAll().where('user_id', '=', id).execute() },
  request_messages: {
    rows: (db, { id }) => db.selectFrom('request_messages').select(['request_id', 'from_staff', 'body', 'document_id', 'created_at']).where('request_id', 'in', theirs.requests(id)).execute(),
  },
  booking_lists: { rows: (db, { id }) => db.selectFrom('booking_lists').selectAll().where('user_id', '=', id).execute() },
  dependants: { rows: (db, { id }) => db.selectFrom('dependants').selectAll().where((eb) => eb.or([eb('guardian_id', '=', id), eb('co_guardian_id', '=', id)])).execute() },
  addresses: { rows: (db, { id }) => db.selectFrom('addresses').selectAll().where('user_id', '=', id).execute() },
  subscriptions: { rows: (db, { id }) => db.selectFrom('subscriptions').selectAll().where('user_id', '=', id).execute() },
  holds: { rows: (db, { id }) => db.selectFrom('holds').selectAll().where('user_id', '=', id).execute() },
  reservations: { rows: (db, { id }) => db.selectFrom('reservations').selectAll().where('user_id', '=', id).execute() },
  wallet_accounts: { rows: (db, { id }) => db.selectFrom('wallet_accounts').selectAll().where('user_id', '=', id).execute() },
  wallet_entries: { rows: (db, { id }) => db.selectFrom('wallet_entries').selectAll().where('user_id', '=', id).orderBy('id').execute() },
  payments: { rows: (db, { id }) => db.selectFrom('payments').selectAll().where('user_id', '=', id).execute() },
  journal_entries: { rows: (db, { id }) => db.selectFrom('journal_entries').selectAll().where('user_id', '=', id).orderBy('id').execute() },
  regies: { none: "the communes' régies de recettes" },
  regie_communes: { none: "the communes' régies de recettes" },
  regie_members: { none: 'staff accounts only' },
  regie_counters: { none: "the régies' numbering" },
  regie_closings: { none: "the régisseurs' daily closings" },
  orders: { rows: (db, { id }) => db.selectFrom('orders').selectAll().where('user_id', '=', id).execute() },
  order_lines: { rows: (db, { id }) => db.selectFrom('order_lines').selectAll().where('order_id', 'in', theirs.orders(id)).execute() },
  e_tickets: { rows: (db, { id }) => db.selectFrom('e_tickets').select(['reservation_id', 'code', 'issued_at']).where('reservation_id', 'in', theirs.reservations(id)).execute() },
  erasure_requests: {
    rows: (db, { id }) => db.selectFrom('erasure_requests').select(['status', 'iban', 'refunded_cents', 'wallet_cents', 'wallet_reference', 'wallet_returned_at', 'requested_at', 'completed_at']).where('user_id', '=', id).execute(),
  },
  voucher_uses: { rows: (db, { id }) => db.selectFrom('voucher_uses').selectAll().where('user_id', '=', id).execute() },
  absences: { rows: (db, { id }) => db.selectFrom('absences').selectAll().where('user_id', '=', id).execute() },
  absence_days: { rows: (db, { id }) => db.selectFrom('absence_days').selectAll().where('absence_id', 'in', theirs.absences(id)).execute() },
  waitlist_entries: { rows: (db, { id }) => db.selectFrom('waitlist_entries').selectAll().where('user_id', '=', id).execute() },
  child_health_records: { rows: (db, { id }) => db.selectFrom('child_health_records').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('id').execute() },
  child_contacts: { rows: (db, { id }) => db.selectFrom('child_contacts').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('id').execute() },
  child_authorisations: { rows: (db, { id }) => db.selectFrom('child_authorisations').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('id').execute() },
  child_departures: { rows: (db, { id }) => db.selectFrom('child_departures').selectAll().where('reservation_id', 'in', theirs.reservations(id)).orderBy('id').execute() },
  child_file_changes: { rows: (db, { id }) => db.selectFrom('child_file_changes').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('id').execute() },
  registration_campaigns: { none: "the communes' yearly registration campaigns" },
  registration_campaign_products: { none: "the communes' yearly registration campaigns" },
  registration_families: { rows: (db, { id }) => db.selectFrom('registration_families').selectAll().where('user_id', '=', id).orderBy('campaign_id').execute() },
  registration_confirmations: { rows: (db, { id }) => db.selectFrom('registration_confirmations').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('campaign_id').execute() },
  guardian_invitations: {
    rows: (db, { id, email }) =>
      db
        .selectFrom('guardian_invitations')
        .select(['id', 'dependant_id', 'invited_by', 'email', 'state', 'accepted_by', 'created_at', 'expires_at', 'ended_at'])
        .where((eb) => eb.or([eb('dependant_id', 'in', theirs.children(id)), eb('accepted_by', '=', id), eb('email', '=', email.toLowerCase())]))
        .orderBy('id')
        .execute(),
  },
  custody_rules: { rows: (db, { id }) => db.selectFrom('custody_rules').selectAll().where('dependant_id', 'in', theirs.children(id)).orderBy('id').execute() },
};

/** The family's rows of every table that holds some, by table. */
export async function familyData(db: Db, user: { id: number; email: string }): Promise<Record<string, unknown[]>> {
  const data: Record<string, unknown[]> = {};
  for (const [table, entry] of Object.entries(exportPlan)) if ('rows' in entry) data[table] = await entry.rows(db, user);
  return data;
}

/** Where the family's files are stored, to copy them into its archive. */
export function familyFiles(db: Db, userId: number) {
  return db.selectFrom('documents').select(['id', 'file_name', 'storage_key']).where('owner_id', '=', userId).orderBy('id').execute();
}

// The RGPD export covers every table: the plan names each table of the database (a new table
// fails here until it says what it holds of a family), and a family with a row in every table
// that holds family data finds it in its export, and nothing of another family.
import { sql } from 'kysely';
import { addDays, parisDate } from '../../../domain/dates.ts';
import { schoolYearOfDay } from '../../../domain/registration.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { addHomeAddress, bookingFamily, holdPlaces, payCart } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { attachCertificate, declareAbsence } from '../absences/absences.ts';
import { saveBookingList } from '../booking/booking-lists.ts';
import { recordAudit } from '../staff/audit.ts';
import { exportPlan, familyData } from './family-export.ts';
import { submitRequest } from '../requests/online-requests.ts';
import { createOrderCardPayment } from '../orders/order-outcome.ts';
import { createRequestForm } from '../requests/request-forms.ts';
import { moveMoney } from '../wallet/wallet.ts';
import { saveAuthorisations } from '../child-file/authorisations.ts';
import { addContact, listContacts } from '../child-file/contacts.ts';
import { saveHealthRecord } from '../child-file/health.ts';

const noHealth = {
  allergies: null, diets: [], has_pai: false, pai_document_id: null, treatments: null, dtp_last_on: null, vaccinations: null,
  doctor_name: null, doctor_phone: null, insurance_name: null, insurance_number: null, notes: null,
};
import { inviteGuardian } from '../guardians/invitations.ts';
import { proposeRule } from '../guardians/custody-rules.ts';

const database = useTestDatabase();
let family: Awaited<ReturnType<typeof bookingFamily>>;
let neighbour: Awaited<ReturnType<typeof bookingFamily>>;

beforeAll(async () => {
  const db = database.db;
  await loadDemoCatalogue(db, '2026-11-27');
  const staff = await createStaff(db, 'agent@rosieres.fr', ['rosieres']);
  neighbour = await bookingFamily(db, 'voisine@example.fr', [{ first: 'Voisin', birth: '2016-06-06' }]);
  family = await bookingFamily(db, 'exportee@example.fr', [{ first: 'Lina', birth: '2017-05-20' }]);
  const now = new Date('2026-11-27T09:00:00Z');
  for (const f of [family, neighbour]) {
    await addHomeAddress(db, f.user.id);
    await moveMoney(db, { userId: f.user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: `export-${f.user.id}` });
    if (!(await holdPlaces(db, f, 'Matin', ['2026-12-09'], now)).ok) throw new Error('hold refused');
    await payCart(db, f.user.id, now);
  }
  const { id: userId, email } = family.user;
  const order = await db.selectFrom('orders').select(['id']).where('user_id', '=', userId).executeTakeFirstOrThrow();
  const { paymentId } = await createOrderCardPayment(db, order.id, 'CB');
  const reservation = await db.selectFrom('reservations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
  const product = await db.selectFrom('reservations').select(['product_id', 'prestation_id']).where('id', '=', reservation.id).executeTakeFirstOrThrow();
  await db.insertInto('sessions').values({ id: 'public-half', secret_hash: 'x'.repeat(64), user_id: userId, expires_at: new Date('2027-01-01'), created_at: now }).execute();
  await db.insertInto('one_time_tokens').values({ purpose: 'password-reset', email, user_id: userId, token_hash: 'y'.repeat(64), expires_at: new Date('2027-01-01') }).execute();
  await db.insertInto('rate_limits').values({ key: `login:email:${email}`, count: 1, window_start: now }).execute();
  await db.insertInto('outbox_mails').values({ idempotency_key: 'export-mail', recipient: email, subject: 'Bienvenue', text_body: 'Bonjour', html_body: null }).execute();
  // An address the family left, and a mail sent to it then.
  await db.insertInto('former_emails').values({ user_id: userId, email: 'ancienne-exportee@example.fr' }).execute();
  await db.insertInto('outbox_mails').values({ idempotency_key: 'export-mail-before', recipient: 'ancienne-exportee@example.fr', subject: 'Avant', text_body: 'Bonjour', html_body: null }).execute();
  const document = await db
    .insertInto('documents')
    .values({ owner_id: userId, kind: 'autre', file_name: 'piece.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'z'.repeat(64), storage_key: 'a'.repeat(64), uploaded_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, { actorId: staff.id, action: 'family.quotient', subject: { type: 'user', id: userId }, details: { before: null, after: 700 } });
  await db.insertInto('attendance').values({ reservation_id: reservation.id, status: 'present', reason: null, method: 'list', recorded_by: staff.id, recorded_at: now }).execute();
  await db.insertInto('card_refunds').values({ payment_id: paymentId, reservation_id: reservation.id, amount_cents: 100, provider_reference: 'RMB-1', staff_id: staff.id }).execute();
  const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  const form = await createRequestForm(db, { communeId: rosieres.id, title: 'Badge', description: '', fields: [{ key: 'champ_1', label: 'Plaque', kind: 'text', required: true }], staffId: staff.id });
  if (form === 'title-taken') throw new Error('form exists');
  const requestId = await submitRequest(db, { formId: form, userId, answers: { champ_1: 'AB-123-CD' } });
  await db.insertInto('request_messages').values({ request_id: requestId, author_id: userId, from_staff: false, body: 'Merci', document_id: document.id }).execute();
  await saveBookingList(db, { userId, name: 'Les mercredis', productId: product.product_id, prestationId: product.prestation_id, children: [family.dependants[0]!.id], weekdays: [3] });
  const voucher = await db.insertInto('vouchers').values({ code: 'EXPORT', label: 'Bon', kind: 'amount', value: 100, valid_from: '2026-11-01', valid_until: '2026-12-31' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('voucher_uses').values({ voucher_id: voucher.id, order_id: order.id, user_id: userId, discount_cents: 100, state: 'used' }).execute();
  // An absence for illness declared for the booked day, its certificate joined.
  const declared = await declareAbsence(db, { userId, reservationIds: [reservation.id], now });
  if (!declared.ok) throw new Error(declared.error);
  await attachCertificate(db, { absenceId: declared.absenceId, userId, documentId: document.id, now });
  // Waiting for another day of the product.
  const other = await db.selectFrom('slots').select(['id', 'service_date']).where('prestation_id', '=', product.prestation_id).where('service_date', '=', '2026-12-16').executeTakeFirstOrThrow();
  await db.insertInto('waitlist_entries').values({ slot_id: other.id, product_id: product.product_id, service_date: other.service_date, dependant_id: family.dependants[0]!.id, user_id: userId, joined_at: now, rank_at: now }).execute();
  // The child's file: its fiche sanitaire, a person who may collect the child and collected them,
  // an authorisation, and the log of these changes.
  const child = family.dependants[0]!.id;
  await saveHealthRecord(db, { dependantId: child, fields: { ...noHealth, allergies: 'Arachides' }, userId, now });
  await addContact(db, { dependantId: child, fields: { first_name: 'Josiane', last_name: 'Pardon', phone: '06 11 22 33 44', relationship: 'grand-mère', is_emergency: true, may_collect: true }, userId, now });
  await saveAuthorisations(db, { dependantId: child, schoolYear: '2026-2027', choices: [{ kind: 'photo-video', granted: true, weekdays: null }], userId, now });
  const [contact] = await listContacts(db, child);
  await db.insertInto('child_departures').values({ reservation_id: reservation.id, left_at: now, collected_by: 'contact', contact_id: contact!.id, recorded_by: staff.id, recorded_at: now }).execute();
  // Listed in Rosières' yearly registration of the school year after the clock's, the child's dossier confirmed.
  const nextYear = schoolYearOfDay(addDays(parisDate(now), 365));
  const campaign = await db
    .insertInto('registration_campaigns')
    .values({ commune_id: rosieres.id, school_year: nextYear, opens_on: parisDate(now), closes_on: `${nextYear.slice(5)}-06-30`, when_incomplete: 'block', created_by: staff.id, created_at: now, opened_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('registration_families').values({ campaign_id: campaign.id, user_id: userId, joined_at: now }).execute();
  await db.insertInto('registration_confirmations').values({ campaign_id: campaign.id, dependant_id: family.dependants[0]!.id, confirmed_by: userId, confirmed_at: now }).execute();
  // Shared custody: the other parent invited, a billing rule proposed for the product.
  await inviteGuardian(db, { dependantId: family.dependants[0]!.id, userId, userEmail: email, email: 'autre-parent@example.fr', now });
  await proposeRule(db, { dependantId: family.dependants[0]!.id, productId: product.product_id, userId, proposal: { rule: 'split', firstSharePercent: 60 }, now });
  // Asked for, not yet carried out: the request is the family's data too.
  await db.insertInto('erasure_requests').values({ user_id: userId, iban: 'FR7630006000011234567890189' }).execute();
});

describe('the RGPD export', () => {
  it('names every table of the database', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(database.db);
    expect(Object.keys(exportPlan).sort()).toEqual(rows.map((row) => row.table_name).sort());
  });

  it("finds the family's rows in every table holding family data, and nothing of another family nor any secret", async () => {
    const data = await familyData(database.db, family.user);
    const empty = Object.entries(data).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty).toEqual([]);
    const text = JSON.stringify(data);
    expect(text).toContain('Lina');
    expect(text).not.toContain('voisine@example.fr');
    expect(text).not.toContain('Voisin');
    for (const secret of ['password_hash', 'secret_hash', 'token_hash', 'x'.repeat(64), 'y'.repeat(64), 'storage_key']) expect(text).not.toContain(secret);
  });

  it("holds a shared child in both guardians' exports, and not the other's orders", async () => {
    const other = await bookingFamily(database.db, 'second-parent@example.fr', []);
    const lina = family.dependants[0]!.id;
    await database.db.updateTable('dependants').set({ co_guardian_id: other.user.id }).where('id', '=', lina).execute();
    const data = await familyData(database.db, other.user);
    expect(data.dependants!.map((row) => (row as { id: number }).id)).toEqual([lina]);
    expect(data.custody_rules!.length).toBe(1);
    expect(data.orders).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('exportee@example.fr');
    await database.db.updateTable('dependants').set({ co_guardian_id: null }).where('id', '=', lina).execute();
  });
});

// A medical certificate is a document like the others: up to 10 MB (a phone's photo passes), and
// a larger file is told in French next to its field, on the page, never as a bare error.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { declareAbsence } from '../../db/queries/absences/absences.ts';
import { MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });

let parent: string;
let userId: number;
let reservations: number[];

beforeAll(async () => {
  const now = testNow();
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  const days = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 2)).map((service_date) => ({ service_date }));
  const family = await bookingFamily(database.db, 'photo@example.fr');
  userId = family.user.id;
  if (!(await holdPlaces(database.db, family, 'Matin', days.map((day) => day.service_date), now)).ok) throw new Error('hold refused');
  await payCart(database.db, userId, now);
  reservations = (await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).orderBy('service_date').execute()).map((row) => row.id);
  parent = await login(app(), 'photo@example.fr');
});

/** A PNG of about `bytes` bytes: a phone's photo, as far as the checks go. */
function photo(bytes: number): File {
  const content = new Uint8Array(bytes);
  content.set(PNG_1X1);
  return new File([content], 'certificat.png', { type: 'image/png' });
}

function send(path: string, fields: [string, string | File][]) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return app().request(path, { method: 'POST', body, headers: { Cookie: parent, Origin: TEST_ORIGIN } });
}

describe('certificate uploads', () => {
  it('take a 2 MB photo with the declaration, and tell a file over 10 MB next to the field', async () => {
    const tooBig = await send(`/mon-compte/reservations/${reservations[0]}/absence`, [['jour', String(reservations[0])], ['certificat', photo(MAX_DOCUMENT_BYTES + 100 * 1024)]]);
    expect(tooBig.status).toBe(413);
    const page = await tooBig.text();
    expect(page).toContain('<html');
    expect(page).toContain('Le fichier dépasse 10 Mo');
    expect(await database.db.selectFrom('absences').select('id').execute()).toEqual([]);

    const sent = await send(`/mon-compte/reservations/${reservations[0]}/absence`, [['jour', String(reservations[0])], ['certificat', photo(2 * 1024 * 1024)]]);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/\?ok=declaree$/);
  });

  it('take a 2 MB photo sent later, and tell a file over 10 MB next to the field', async () => {
    const declared = await declareAbsence(database.db, { userId, reservationIds: [reservations[1]!], now: testNow() });
    if (!declared.ok) throw new Error(declared.error);
    const tooBig = await send(`/mon-compte/absences/${declared.absenceId}/certificat`, [['certificat', photo(MAX_DOCUMENT_BYTES + 100 * 1024)]]);
    expect(tooBig.status).toBe(413);
    const page = await tooBig.text();
    expect(page).toContain('<html');
    expect(page).toContain('Le fichier dépasse 10 Mo');

    const sent = await send(`/mon-compte/absences/${declared.absenceId}/certificat`, [['certificat', photo(2 * 1024 * 1024)]]);
    expect(sent.status).toBe(303);
    expect((await database.db.selectFrom('absences').select('status').where('id', '=', declared.absenceId).executeTakeFirstOrThrow()).status).toBe('waiting-staff');
  });
});

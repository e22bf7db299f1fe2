// "Commander" when the Temporal server cannot be reached: no order is left behind without its
// workflow; the places go back to the cart and the parent is told to try again.
import { Client, Connection } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed.ts';
import { cartSummary } from '../../db/queries/cart.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database.db, '2026-11-27');
});

describe('Commander', () => {
  it('undoes the order when its workflow cannot start, and keeps the cart', async () => {
    const nowhere = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 200 });
    const app = createTestApp({ db: database.db, temporal: new Client({ connection: nowhere }) });
    const family = await bookingFamily(database.db, 'sans-temporal@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], new Date())).ok) throw new Error('hold refused');
    const cookie = await login(app, family.user.email);

    const response = await postForm(app, '/commande', {}, { Cookie: cookie });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Votre commande n&#39;a pas pu être enregistrée');
    expect(await database.db.selectFrom('orders').select('id').where('user_id', '=', family.user.id).execute()).toEqual([]);
    expect((await cartSummary(database.db, family.user.id, new Date())).count).toBe(1);
  }, 60_000);
});

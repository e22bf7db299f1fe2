// An order's page shows staff the lines of their communes only: another commune's children and
// activities are counted, never named.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let number: string;
let bainsProduct: string;

beforeAll(async () => {
  const now = testNow();
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  const [day] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 1)) as [string];
  const family = await bookingFamily(database.db, 'deux-communes@example.fr', [{ first: 'Maëlys', birth: '2016-02-02' }, { first: 'Théodore', birth: '2017-05-05' }]);
  if (!(await holdPlaces(database.db, family, 'Matin', [day], now)).ok) throw new Error('hold refused');
  number = (await payCart(database.db, family.user.id, now)).number;
  // Théodore's line made a Bains activity's, as an order over two communes' activities has.
  const bains = await database.db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name'])
    .where('communes.slug', '=', 'bains')
    .executeTakeFirstOrThrow();
  bainsProduct = bains.name;
  const theo = family.dependants.find((child) => child.first_name === 'Théodore')!;
  await database.db.updateTable('holds').set({ product_id: bains.id }).where('dependant_id', '=', theo.id).execute();
  await database.db.updateTable('reservations').set({ product_id: bains.id }).where('dependant_id', '=', theo.id).execute();
});

describe("an order over two communes' activities", () => {
  it("shows each commune's staff their lines, and only counts the other's", async () => {
    const rosieres = await (await get(`/agent/commandes/${number}`, await login(app(), 'agent@rosieres.fr'))).text();
    expect(rosieres).toContain('Maëlys');
    expect(rosieres).not.toContain('Théodore');
    expect(rosieres).not.toContain(bainsProduct);
    expect(rosieres).toContain('Une autre ligne de cette commande concerne une autre commune');

    const bains = await (await get(`/agent/commandes/${number}`, await login(app(), 'agent@bains.fr'))).text();
    expect(bains).toContain('Théodore');
    expect(bains).toContain(bainsProduct);
    expect(bains).not.toContain('Maëlys');
    expect(bains).toContain('Une autre ligne de cette commande concerne une autre commune');
  });

  it("finds the order by a child's name only for the commune of that child's line", async () => {
    const rosieres = await login(app(), 'agent@rosieres.fr');
    const bains = await login(app(), 'agent@bains.fr');
    expect(await (await get('/agent/commandes?q=Th%C3%A9odore', rosieres)).text()).not.toContain(number);
    expect(await (await get('/agent/commandes?q=Th%C3%A9odore', bains)).text()).toContain(number);
    expect(await (await get('/agent/commandes?q=Ma%C3%ABlys', bains)).text()).not.toContain(number);
    expect(await (await get('/agent/commandes?q=Ma%C3%ABlys', rosieres)).text()).toContain(number);
  });
});

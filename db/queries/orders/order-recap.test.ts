// The recap of a cart or an order lists each line's dates in the order of the calendar.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { bookingFamily, holdPlaces, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { recapLines } from './order-recap.ts';

const database = useTestDatabase();

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});

describe('recap', () => {
  it('lists the dates of a line in the order of the calendar, whatever order they were chosen in', async () => {
    const family = await bookingFamily(database.db, 'recap@example.fr');
    const days = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 21), 3);
    const held = await holdPlaces(database.db, family, 'Matin', [days[2]!, days[0]!, days[1]!], testNow());
    if (!held.ok) throw new Error('hold refused');
    const [line] = await recapLines(database.db, held.holdIds);
    expect(line!.dates).toEqual(days);
  });
});

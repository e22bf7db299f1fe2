// The housekeeping workflow's activity (its SQL: db/queries/housekeeping/housekeeping.ts).
import type { Db } from '../../db/connection.ts';
import { purgeExpired } from '../../db/queries/housekeeping/housekeeping.ts';

export function createHousekeepingActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    purgeExpired: () => purgeExpired(db, now()),
  };
}

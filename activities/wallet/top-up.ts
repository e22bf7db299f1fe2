// The walletTopUp workflow's activity (its SQL: db/queries/wallet/top-ups.ts).
import type { Db } from '../../db/connection.ts';
import { settleTopUp, type TopUpOutcome } from '../../db/queries/wallet/top-ups.ts';

export function createTopUpActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    settleTopUp: (input: TopUpOutcome) => settleTopUp(db, input, now()),
  };
}

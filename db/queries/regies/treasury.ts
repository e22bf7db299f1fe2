// The treasury chart's figures: money received per week (Monday to Sunday, by the day of the
// books) and method, by the régies covering the staff's communes. The wallet's use is left out:
// that money was received once already, when the wallet was topped up.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { RegieMethod } from '../../../domain/regies.ts';

export interface WeeklyReceipts {
  /** The week's Monday. */
  week: IsoDate;
  method: RegieMethod;
  cents: number;
}

export async function weeklyReceipts(db: Db, communeIds: number[], from: IsoDate, to: IsoDate): Promise<WeeklyReceipts[]> {
  if (communeIds.length === 0) return [];
  const { rows } = await sql<WeeklyReceipts>`
    select to_char(date_trunc('week', j.day)::date, 'YYYY-MM-DD') as week, j.method, sum(j.amount_cents)::int as cents
    from journal_entries j
    where j.series = 'receipt' and j.method <> 'wallet' and j.day between ${from}::date and ${to}::date
      and j.regie_id in (select rc.regie_id from regie_communes rc where rc.commune_id in (${sql.join(communeIds)}))
    group by 1, 2
    order by 1, 2`.execute(db);
  return rows;
}

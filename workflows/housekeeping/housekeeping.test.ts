// The housekeeping schedule and what it purges: only what the product no longer needs.
import { describe, expect, it } from 'vitest';
import { createParent } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTestSchedules } from '../../test/helpers/schedules.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { issueToken, consumeToken } from '../../db/queries/accounts/one-time-tokens.ts';
import { createSession } from '../../db/queries/accounts/sessions.ts';
import { HOUSEKEEPING_SCHEDULE_ID } from './housekeeping.messages.ts';
import { housekeeping } from './housekeeping.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const schedules = useTestSchedules(temporal);

const hoursAgo = (hours: number) => new Date(testNow().getTime() - hours * 3600_000);

describe('housekeeping', () => {
  it('is scheduled every hour, once however often the worker starts', async () => {
    const schedule = await schedules.ensuredTwice(HOUSEKEEPING_SCHEDULE_ID);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'housekeeping' });
    expect(schedule.spec.intervals?.[0]?.every).toBe(3600_000);
  });

  it('deletes ended sessions, links spent a week ago and rate limits that lock nothing; keeps the rest', async () => {
    const user = await createParent(database.db, 'menage@example.fr');
    const live = await createSession(database.db, user.id, testNow());
    await createSession(database.db, user.id, hoursAgo(3)); // idle for more than 2 hours
    await createSession(database.db, user.id, hoursAgo(13)); // past its 12 hours
    const spent = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: hoursAgo(24 * 8) });
    await consumeToken(database.db, ['password-reset'], spent.token, hoursAgo(24 * 8 - 0.5));
    await issueToken(database.db, { purpose: 'signup', email: 'jamais@example.fr', now: hoursAgo(24 * 9) }); // expired 8 days ago
    const fresh = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: testNow() });
    await database.db
      .insertInto('rate_limits')
      .values([
        { key: 'old', count: 3, window_start: hoursAgo(30) },
        { key: 'old-but-locked', count: 9, window_start: hoursAgo(30), locked_until: new Date(testNow().getTime() + 3600_000) },
        { key: 'current', count: 1, window_start: hoursAgo(1) },
      ])
      .execute();

    const purged = await temporal.client.workflow.execute(housekeeping, { taskQueue: temporal.taskQueue, workflowId: `housekeeping-test-${temporal.taskQueue}` });
    expect(purged).toEqual({ sessions: 2, links: 2, rateLimits: 1 });
    expect((await database.db.selectFrom('sessions').select('id').execute()).map((row) => row.id)).toEqual([live.session.id]);
    expect((await database.db.selectFrom('one_time_tokens').select('id').execute()).map((row) => row.id)).toEqual([fresh.id]);
    expect((await database.db.selectFrom('rate_limits').select('key').orderBy('key').execute()).map((row) => row.key)).toEqual(['current', 'old-but-locked']);
  });
});

// reservationHold in the time-skipping environment: with real activities on a real database for
// the expiry, and with mocked activities for each signal.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { placesLeft } from '../../db/queries/booking/booking.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { bookingFamily, demoProduct, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { confirmHold, extendHold, holdState, releaseHold } from './reservation-hold.messages.ts';
import { reservationHold } from './reservation-hold.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await loadDemoCatalogue(database.db, '2026-11-27');
});
afterAll(async () => {
  await env?.teardown();
});

const T0 = new Date('2026-11-27T09:00:00Z');
const MINUTE = 60_000;

describe('reservationHold with real activities', () => {
  it('frees the place 30 minutes after the last cart activity, not before', async () => {
    let clock = T0;
    const taskQueue = uniqueTaskQueue('hold');
    const worker = await createTestWorker({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: () => clock, publicUrl: 'http://localhost', documents: testDocumentStore() }),
    });
    const family = await bookingFamily(database.db, 'expiry@example.fr');
    const held = await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], T0);
    if (!held.ok) throw new Error('hold refused');
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    expect((await placesLeft(database.db, matin, '2026-12-09', '2026-12-09', T0)).get('2026-12-09')).toBe(23);

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(reservationHold, {
        taskQueue,
        workflowId: `hold-${held.holdIds[0]}`,
        args: [{ holdId: held.holdIds[0]!, expiresAt: new Date(T0.getTime() + 30 * MINUTE).toISOString() }],
      });
      await env.sleep('29 minutes');
      expect((await handle.query(holdState)).status).toBe('held');
      clock = new Date(T0.getTime() + 31 * MINUTE);
      await env.sleep('2 minutes');
      expect((await handle.result()).status).toBe('expired');
    });
    const row = await database.db.selectFrom('holds').select('state').where('id', '=', held.holdIds[0]!).executeTakeFirstOrThrow();
    expect(row.state).toBe('expired');
    expect((await placesLeft(database.db, matin, '2026-12-09', '2026-12-09', clock)).get('2026-12-09')).toBe(24);
  });
});

describe('reservationHold signals', () => {
  async function run(body: (handle: Awaited<ReturnType<typeof env.client.workflow.start<typeof reservationHold>>>, calls: string[]) => Promise<void>, dbExpiry?: () => string) {
    const calls: string[] = [];
    const taskQueue = uniqueTaskQueue('hold-signals');
    const worker = await createTestWorker({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: {
        expireHoldIfDue: async () => {
          calls.push('expire');
          const expiresAt = dbExpiry?.();
          return expiresAt ? { state: 'held', expiresAt } : { state: 'expired', expiresAt: new Date(await env.currentTimeMs()).toISOString() };
        },
        releaseHold: async () => void calls.push('release'),
        confirmHold: async (input: { orderLineId: number | null }) => {
          calls.push(`confirm ${input.orderLineId}`);
          return { reservationId: 1 };
        },
      },
    });
    const start = await env.currentTimeMs();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(reservationHold, {
        taskQueue,
        workflowId: `hold-test-${taskQueue}`,
        args: [{ holdId: 1, expiresAt: new Date(start + 30 * MINUTE).toISOString() }],
      });
      await body(handle, calls);
    });
    return calls;
  }

  it('releases at once when removed from the cart, and only once', async () => {
    const calls = await run(async (handle) => {
      await handle.signal(releaseHold);
      await handle.signal(releaseHold);
      expect((await handle.result()).status).toBe('released');
    });
    expect(calls).toEqual(['release']);
  });

  it('becomes a reservation when its order is paid', async () => {
    const calls = await run(async (handle) => {
      await handle.signal(confirmHold, { orderLineId: 77 });
      await handle.signal(releaseHold);
      expect((await handle.result()).status).toBe('confirmed');
    });
    expect(calls).toEqual(['confirm 77']);
  });

  it('waits longer when extended', async () => {
    const calls = await run(async (handle, seen) => {
      const later = new Date((await env.currentTimeMs()) + 60 * MINUTE).toISOString();
      await handle.signal(extendHold, { expiresAt: later });
      await env.sleep('45 minutes');
      expect((await handle.query(holdState)).status).toBe('held');
      expect(seen).toEqual([]);
      expect((await handle.result()).status).toBe('expired');
    });
    expect(calls).toEqual(['expire']);
  });

  it('keeps waiting when the database moved the expiry without a signal', async () => {
    let extendedTo: string | undefined;
    const calls = await run(
      async (handle) => {
        extendedTo = new Date((await env.currentTimeMs()) + 50 * MINUTE).toISOString();
        await env.sleep('35 minutes');
        expect((await handle.query(holdState)).expiresAt).toBe(extendedTo);
        extendedTo = undefined;
        expect((await handle.result()).status).toBe('expired');
      },
      () => extendedTo!,
    );
    expect(calls).toEqual(['expire', 'expire']);
  });
});

// The product's schedules for a test file: made under the file's own prefix, twice as two workers
// starting would, and deleted after the file, so that files sharing the run's Temporal server never
// see each other's.
import type { Client, ScheduleDescription } from '@temporalio/client';
import { afterAll } from 'vitest';
import { ensureSchedules, productSchedules } from '../../worker.ts';

export function useTestSchedules(temporal: { readonly client: Client; readonly taskQueue: string }) {
  const prefix = () => `${temporal.taskQueue}-`;
  afterAll(async () => {
    for (const { scheduleId } of productSchedules) await temporal.client.schedule.getHandle(`${prefix()}${scheduleId}`).delete().catch(() => {});
  });
  return {
    /** The schedule as a cluster holds it once every worker has started (here, twice). */
    async ensuredTwice(scheduleId: string): Promise<ScheduleDescription> {
      await ensureSchedules(temporal.client, temporal.taskQueue, prefix());
      await ensureSchedules(temporal.client, temporal.taskQueue, prefix());
      return temporal.client.schedule.getHandle(`${prefix()}${scheduleId}`).describe();
    },
  };
}

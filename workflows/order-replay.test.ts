// Orders started by the previous version of the workflow (regular activities, signals to the
// holds) replay without a determinism error under the current code: the changes sit behind
// patched(). The histories were recorded from that version: a wallet payment, and a card refusal
// with its compensations.
import { readFile } from 'node:fs/promises';
import protos from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, it } from 'vitest';
import { quietTemporalRuntime, workflowBundle } from '../test/helpers/temporal.ts';
import { workflowsPath } from '../worker.ts';

const recorded = (name: string) => new URL(`../test/fixtures/order-v1-${name}.history.bin`, import.meta.url);

describe('order workflows already running', () => {
  it.each(['wallet', 'refused'])('replay (%s) under the current code', async (name) => {
    quietTemporalRuntime();
    const history = protos.temporal.api.history.v1.History.decode(await readFile(recorded(name)));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(workflowsPath) }, history, `order-v1-${name}`);
  }, 60_000);
});

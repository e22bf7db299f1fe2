// Orders already running replay without a determinism error under the current code. v1: the
// first version (regular activities, signals to the holds), whose paths sit behind patched() in
// order-versions.ts: a wallet payment, and a card refusal with its compensations. v2: the
// version with local steps, recorded before the lifecycle was rewritten to read top to bottom:
// wallet with a voucher, wallet and card paid, card refused, card silent for 30 minutes.
import { readFile } from 'node:fs/promises';
import protos from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, it } from 'vitest';
import { quietTemporalRuntime, workflowBundle } from '../../test/helpers/temporal.ts';
import { workflowsPath } from '../../worker.ts';

const recorded = (name: string) => new URL(`../../test/fixtures/order-${name}.history.bin`, import.meta.url);

describe('order workflows already running', () => {
  it.each(['v1-wallet', 'v1-refused', 'v2-wallet-voucher', 'v2-card-paid', 'v2-card-refused', 'v2-card-silent'])('replay (%s) under the current code', async (name) => {
    quietTemporalRuntime();
    const history = protos.temporal.api.history.v1.History.decode(await readFile(recorded(name)));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(workflowsPath) }, history, `order-${name}`);
  }, 60_000);
});

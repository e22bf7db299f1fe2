// The product's clock shift (lib/clock.ts) written into the workflow bundle, where workflows/common/clock.ts
// reads it: workflow code cannot read the environment, and must agree with its activities on the
// time when AS_OF moves it. Without a shift the bundle is the one production runs.
import type { BundleOptions } from '@temporalio/worker';
import webpack from 'webpack';

export function workflowClockBundlerOptions(offsetMs: number): Pick<BundleOptions, 'webpackConfigHook'> {
  return {
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [...(config.plugins ?? []), new webpack.DefinePlugin({ __CLOCK_OFFSET_MS__: JSON.stringify(offsetMs) })],
    }),
  };
}

// Hooks for an end-to-end test file: the real product (server, worker, database, SMTP) and a
// headless Chromium, started once for the file and stopped after it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestStack, type TestStack } from './stack.ts';

export function useE2E(): { readonly stack: TestStack; readonly browser: Browser } {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return {
    get stack() {
      if (!stack) throw new Error('The stack is ready only inside tests and hooks');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('The browser is ready only inside tests and hooks');
      return browser;
    },
  };
}

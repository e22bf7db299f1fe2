// The lint rule that keeps capabilities apart, on import lines of each kind; and the project's
// lint configuration applies it to product code, not to tests.
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import capabilities from './capability-imports.js';

const root = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ cwd: root });
const config = [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { capabilities }, rules: { 'capabilities/through-index': 'error' as const } }];

/** The rule's messages for one line of code in the file named. */
const lint = (file: string, code: string) => linter.verify(code, config, { filename: path.join(root, file) }).map((message) => message.message);

describe('a capability reaches another only through its index.ts', () => {
  it('refuses a file of another capability, on every floor and in every form of import', () => {
    for (const line of [
      "import { wakeWaitingLists } from '../waitlist/wake.ts';",
      "import type { WaitingRow } from '../waitlist/views/family.tsx';",
      "export { wakeWaitingLists } from '../waitlist/wake.ts';",
      "import { cancelAndRefund } from '../../db/queries/orders/refunds.ts';",
      "import type { basket } from '../../workflows/orders/basket.ts';",
    ]) {
      expect(lint('web/booking/booking.tsx', line), line).toEqual([expect.stringContaining('import it from')]);
    }
    expect(lint('web/layout/layout.tsx', "import { CartPage } from '../booking/views/cart.tsx';")).toEqual([
      'web/booking/views/cart.tsx belongs to the booking capability: import it from web/booking/index.ts, which lists what the other capabilities use of it.',
    ]);
  });

  it('lets a capability use its own folders on every floor, the others\' index.ts and the shared folders', () => {
    for (const line of [
      "import { wakeWaitingLists } from '../waitlist/index.ts';",
      "import { cartHolds } from '../../db/queries/booking/cart.ts';",
      "import type { basketWorkflowId } from '../../workflows/orders/index.ts';",
      "import { handleForm } from '../forms/form-route.ts';",
      "import { parisDate } from '../../domain/dates.ts';",
    ]) {
      expect(lint('web/booking/booking.tsx', line), line).toEqual([]);
    }
  });

  it('lets the floors\' lists name each capability\'s entry', () => {
    expect(lint('web/capabilities.ts', "import { booking } from './booking/routes.ts';")).toEqual([]);
    expect(lint('workflows/index.ts', "export { basket } from './orders/basket.ts';")).toEqual([]);
  });

  it('keeps the composition of mails in each capability\'s mails.ts', () => {
    const mails = [{ ...config[0]!, rules: { 'capabilities/mails-in-mails': 'error' as const } }];
    const compose = "import { composeMail } from '../../lib/mail/compose.ts';";
    expect(linter.verify(compose, mails, { filename: path.join(root, 'web/orders/history.tsx') })).toHaveLength(1);
    expect(linter.verify(compose, mails, { filename: path.join(root, 'activities/orders/mails.ts') })).toEqual([]);
    expect(linter.verify("import type { ComposedMail } from '../../lib/mail/compose.ts';", mails, { filename: path.join(root, 'web/orders/history.tsx') })).toEqual([]);
  });

  it('is on for product code and off for tests', async () => {
    const eslint = new ESLint({ cwd: root });
    const rules = async (file: string) => ((await eslint.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown> }).rules;
    expect((await rules('web/booking/booking.tsx'))['capabilities/through-index']).toEqual([2]);
    expect((await rules('web/booking/booking.tsx'))['capabilities/mails-in-mails']).toEqual([2]);
    expect((await rules('db/queries/orders/refunds.ts'))['capabilities/through-index']).toEqual([2]);
    expect((await rules('web/booking/booking.test.ts'))['capabilities/through-index']).toBeUndefined();
  });
});

// At the end of `npm run test:dates`, one line a day: which days found nothing wrong, and which
// files failed at the others.
import type { Reporter, TestModule } from 'vitest/node';

export default class DatesReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const days = new Map<string, string[]>();
    for (const module of testModules) {
      const failed = days.get(module.project.name) ?? [];
      if (module.state() === 'failed') failed.push(module.relativeModuleId);
      days.set(module.project.name, failed);
    }
    const failing = [...days].filter(([, failed]) => failed.length > 0);
    console.log(`\nDates: ${days.size - failing.length} passed, ${failing.length} failed`);
    for (const [day, failed] of failing) console.log(`failed as of ${day}: ${failed.join(', ')}`);
  }
}

// Every action the code writes to the journal has its words: a new one without them would show
// its code to staff.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel, subjectLabel } from './audit-labels.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** The action codes written by recordAudit calls: 'kind.what' literals on an `action:` line. */
function writtenActions(): string[] {
  const files = execFileSync('git', ['ls-files', 'db/queries', 'activities'], { cwd: root, encoding: 'utf8' }).split('\n').filter((file) => /\.ts$/.test(file) && !file.includes('.test.'));
  const codes = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
      if (!/\baction: /.test(line) || line.includes('label:')) continue;
      for (const match of line.matchAll(/'([a-z-]+\.[a-z_-]+)'/g)) codes.add(match[1]!);
    }
  }
  return [...codes].sort();
}

describe('the journal in words', () => {
  it('has words for every action the code writes, and for the approvals\' decisions', () => {
    const approvals = ['account', 'subscription', 'request'].flatMap((kind) => ['approved', 'refused', 'documents-requested'].map((decision) => `${kind}.${decision}`));
    const codes = [...writtenActions(), ...approvals];
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => actionLabel(code) === code)).toEqual([]);
  });

  it('names what an action was done on', () => {
    expect(subjectLabel('product', 12)).toBe('Activité n° 12');
    expect(actionLabel('une.action-inconnue')).toBe('une.action-inconnue');
  });
});

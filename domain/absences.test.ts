import { describe, expect, it } from 'vitest';
import { certificateDueAt, certificateReminderAt, declarableUntil, isDeclarable } from './absences.ts';

const rules = { declareHours: 48, certificateDays: 7 };

describe('absences for illness', () => {
  it('may be declared until the hours after the day ends, Paris time', () => {
    // Wednesday 9 December 2026 ends at midnight Paris (23:00 UTC in winter); 48 h later.
    expect(declarableUntil('2026-12-09', rules).toISOString()).toBe('2026-12-11T23:00:00.000Z');
    expect(isDeclarable('2026-12-09', rules, new Date('2026-12-11T22:59:59Z'))).toBe(true);
    expect(isDeclarable('2026-12-09', rules, new Date('2026-12-11T23:00:01Z'))).toBe(false);
    expect(isDeclarable('2026-12-09', { ...rules, declareHours: 0 }, new Date('2026-12-09T22:59:00Z'))).toBe(true);
    // A day ahead may be declared already (a week of illness).
    expect(isDeclarable('2026-12-16', rules, new Date('2026-12-09T08:00:00Z'))).toBe(true);
  });

  it('wants the certificate within its days, and reminds two days before, or halfway when shorter', () => {
    const declared = new Date('2026-12-10T08:00:00Z');
    const due = certificateDueAt(declared, rules);
    expect(due.toISOString()).toBe('2026-12-17T08:00:00.000Z');
    expect(certificateReminderAt(declared, due).toISOString()).toBe('2026-12-15T08:00:00.000Z');
    const short = certificateDueAt(declared, { ...rules, certificateDays: 2 });
    expect(certificateReminderAt(declared, short).toISOString()).toBe('2026-12-11T08:00:00.000Z');
  });
});

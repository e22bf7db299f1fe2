import { describe, expect, it } from 'vitest';
import { lineOrder, offerDeadline, waitlistWorkflowId } from './waitlist.ts';

const at = (iso: string) => new Date(iso);

describe('the waiting list', () => {
  it('orders the line by arrival (or the rank staff gave), residents first when the product says so', () => {
    const entries = [
      { id: 3, rankAt: at('2026-12-01T08:00:02Z'), resident: true },
      { id: 1, rankAt: at('2026-12-01T08:00:00Z'), resident: false },
      { id: 2, rankAt: at('2026-12-01T08:00:01Z'), resident: true },
    ];
    expect(lineOrder(entries, false).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(lineOrder(entries, true).map((e) => e.id)).toEqual([2, 3, 1]);
  });

  it('holds an offer for the product’s hours, never past the day’s booking deadline', () => {
    const now = at('2026-12-03T10:00:00Z');
    expect(offerDeadline(now, 12, at('2026-12-07T11:00:00Z'))?.toISOString()).toBe('2026-12-03T22:00:00.000Z');
    expect(offerDeadline(now, 12, at('2026-12-03T15:00:00Z'))?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(offerDeadline(now, 12, at('2026-12-03T09:00:00Z'))).toBeNull();
    expect(waitlistWorkflowId(7, '2026-12-09')).toBe('waitlist-7-2026-12-09');
  });
});

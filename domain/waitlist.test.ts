import { describe, expect, it } from 'vitest';
import { offerDeadline, waitlistWorkflowId } from './waitlist.ts';

const at = (iso: string) => new Date(iso);

describe('the waiting list', () => {
  it('holds an offer for the product’s hours, never past the day’s booking deadline', () => {
    const now = at('2026-12-03T10:00:00Z');
    expect(offerDeadline(now, 12, at('2026-12-07T11:00:00Z'))?.toISOString()).toBe('2026-12-03T22:00:00.000Z');
    expect(offerDeadline(now, 12, at('2026-12-03T15:00:00Z'))?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(offerDeadline(now, 12, at('2026-12-03T09:00:00Z'))).toBeNull();
    expect(waitlistWorkflowId(7, '2026-12-09')).toBe('waitlist-7-2026-12-09');
  });
});

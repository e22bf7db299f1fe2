import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { mondayOf, splitShares, weekHolder } from './custody.ts';
import { testToday } from '../test/helpers/clock.ts';

describe('splitShares', () => {
  it('shares every price in whole cents, nothing lost, the remainder to the first guardian', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 99 }), (price, percent) => {
        const { firstCents, secondCents } = splitShares(price, percent);
        expect(firstCents + secondCents).toBe(price);
        expect(Number.isInteger(firstCents) && Number.isInteger(secondCents)).toBe(true);
        expect(secondCents).toBeGreaterThanOrEqual(0);
        // The first guardian pays their share rounded up, never a cent more.
        expect(firstCents * 100).toBeGreaterThanOrEqual(price * percent);
        expect((firstCents - 1) * 100).toBeLessThan(price * percent);
      }),
    );
  });

  it('splits 7,25 € at 60 % as 4,35 € and 2,90 €, and 1 cent at 50 % to the first guardian', () => {
    expect(splitShares(725, 60)).toEqual({ firstCents: 435, secondCents: 290 });
    expect(splitShares(1, 50)).toEqual({ firstCents: 1, secondCents: 0 });
  });
});

describe('weekHolder', () => {
  const today = testToday();
  const rule = { referenceMonday: mondayOf(today), referenceGuardianId: 1, otherGuardianId: 2 };

  it('gives the reference week to its guardian and alternates before and after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 6 }), (week, weekday) => {
        const day = addDays(rule.referenceMonday, week * 7 + weekday);
        expect(weekHolder(rule, day)).toBe(week % 2 === 0 ? 1 : 2);
      }),
    );
  });

  it('takes Sunday with its own Monday', () => {
    expect(mondayOf(addDays(rule.referenceMonday, 6))).toBe(rule.referenceMonday);
    expect(weekHolder(rule, addDays(rule.referenceMonday, 6))).toBe(1);
    expect(weekHolder(rule, addDays(rule.referenceMonday, 7))).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { bookingTerms, campaignDatesProblem, familyComplete, missingForChild, nextSchoolYear, reminderTimes, schoolYearOfDay } from './registration.ts';

const rules = { schoolYear: '2027-2028', requiredDocuments: ['attestation-assurance', 'justificatif-domicile'], healthSince: new Date('2027-05-01T08:00:00Z') };
const complete = { healthRecordedAt: new Date('2027-05-02T08:00:00Z'), authorisationsGiven: ['photo-video', 'home-alone', 'transport', 'emergency-care'], emergencyContacts: 1 };
const documents = [
  { kind: 'attestation-assurance', status: 'accepted' as const, expiresOn: '2028-08-31' },
  { kind: 'justificatif-domicile', status: 'accepted' as const, expiresOn: null },
];

describe('missingForChild', () => {
  it('nothing when the fiche is saved since the opening, the four authorisations answered, one person to call and the documents valid to the year end', () => {
    expect(missingForChild(rules, complete, documents)).toEqual([]);
  });

  it('a fiche never filled, or saved before the campaign opened, is to complete', () => {
    expect(missingForChild(rules, { ...complete, healthRecordedAt: null }, documents)).toEqual([{ kind: 'health' }]);
    expect(missingForChild(rules, { ...complete, healthRecordedAt: new Date('2027-04-30T08:00:00Z') }, documents)).toEqual([{ kind: 'health' }]);
  });

  it('names the authorisations not answered for the year, and the missing person to call', () => {
    expect(missingForChild(rules, { ...complete, authorisationsGiven: ['photo-video'], emergencyContacts: 0 }, documents)).toEqual([
      { kind: 'authorisations', kinds: ['home-alone', 'transport', 'emergency-care'] },
      { kind: 'emergency-contact' },
    ]);
  });

  it('a document missing, waiting, refused or expiring before the school year ends is missing', () => {
    const expiring = [{ ...documents[0]!, expiresOn: '2028-07-03' }, documents[1]!];
    expect(missingForChild(rules, complete, expiring)).toEqual([{ kind: 'documents', kinds: ['attestation-assurance'] }]);
    expect(missingForChild(rules, complete, [{ ...documents[0]!, status: 'pending' }])).toEqual([{ kind: 'documents', kinds: ['attestation-assurance', 'justificatif-domicile'] }]);
    // The last day of the school year is enough.
    expect(missingForChild(rules, complete, [{ ...documents[0]!, expiresOn: '2028-07-04' }, documents[1]!])).toEqual([]);
  });
});

describe('familyComplete', () => {
  it('every child confirmed, and at least one', () => {
    expect(familyComplete([1, 2], new Set([1, 2]))).toBe(true);
    expect(familyComplete([1, 2], new Set([1]))).toBe(false);
    expect(familyComplete([], new Set())).toBe(false);
  });
});

describe('bookingTerms', () => {
  const block = { schoolYear: '2027-2028', whenIncomplete: 'block' as const, complete: false };
  const topTier = { schoolYear: '2027-2028', whenIncomplete: 'top-tier' as const, complete: false };
  it('applies to the days of the campaign school year only, while the family is not complete', () => {
    expect(bookingTerms('2027-09-01', [block])).toBe('refused');
    expect(bookingTerms('2027-07-04', [block])).toBe('book');
    expect(bookingTerms('2028-07-04', [block])).toBe('refused');
    expect(bookingTerms('2027-09-01', [{ ...block, complete: true }])).toBe('book');
    expect(bookingTerms('2027-09-01', [topTier])).toBe('top-tier');
    expect(bookingTerms('2027-09-01', [topTier, block])).toBe('refused');
    expect(bookingTerms('2027-09-01', [])).toBe('book');
  });
});

describe('school years', () => {
  it('the campaign prepares the year after today’s, at the year end and in the summer', () => {
    expect(nextSchoolYear('2026-12-31')).toBe('2027-2028');
    expect(nextSchoolYear('2027-07-04')).toBe('2027-2028');
    expect(nextSchoolYear('2027-08-04')).toBe('2028-2029');
    expect(schoolYearOfDay('2028-02-29')).toBe('2027-2028');
  });
});

describe('reminderTimes', () => {
  it('10:00 in Paris at the opening, two weeks and a day before the close, across the change of time', () => {
    const times = reminderTimes('2027-03-15', '2027-04-06');
    expect(times.opening.toISOString()).toBe('2027-03-15T09:00:00.000Z');
    expect(times.twoWeeksBefore.toISOString()).toBe('2027-03-23T09:00:00.000Z');
    expect(times.dayBefore.toISOString()).toBe('2027-04-05T08:00:00.000Z');
    expect(times.end.toISOString()).toBe('2027-04-06T22:00:00.000Z');
  });
});

describe('campaignDatesProblem', () => {
  it('dates in order, not gone, before the school year ends', () => {
    expect(campaignDatesProblem('2027-04-01', '2027-03-01', '2027-2028', '2027-01-10')?.field).toBe('cloture');
    expect(campaignDatesProblem('2027-01-01', '2027-01-05', '2027-2028', '2027-01-10')?.message).toBe('La clôture est déjà passée.');
    expect(campaignDatesProblem('2027-04-01', '2028-08-01', '2027-2028', '2027-01-10')?.field).toBe('cloture');
    expect(campaignDatesProblem('2027-04-01', '2027-06-30', '2027-2028', '2027-01-10')).toBeNull();
  });
});

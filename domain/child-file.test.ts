import { describe, expect, it } from 'vitest';
import { authorisationYears, dtpOverdue, dtpProblem, formatChangeMoment, homeAloneProblem, sameHealth, type HealthFields } from './child-file.ts';

const empty: HealthFields = {
  allergies: null, diets: [], has_pai: false, pai_document_id: null, treatments: null, dtp_last_on: null, vaccinations: null,
  doctor_name: null, doctor_phone: null, insurance_name: null, insurance_number: null, notes: null,
};

describe('the fiche sanitaire', () => {
  it('sees no change in the diets reordered, a change in any field', () => {
    expect(sameHealth({ ...empty, diets: ['sans-porc', 'sans-gluten'] }, { ...empty, diets: ['sans-gluten', 'sans-porc'] })).toBe(true);
    expect(sameHealth(empty, { ...empty, allergies: 'Arachides' })).toBe(false);
    expect(sameHealth(empty, { ...empty, has_pai: true })).toBe(false);
  });

  it('refuses a DTP reminder in the future or before the birth, and calls one older than ten years overdue', () => {
    expect(dtpProblem('2026-12-10', '2018-05-12', '2026-12-09')).toContain('futur');
    expect(dtpProblem('2018-05-11', '2018-05-12', '2026-12-09')).toContain('naissance');
    expect(dtpProblem('2024-06-01', '2018-05-12', '2026-12-09')).toBeNull();
    expect(dtpOverdue('2016-12-08', '2026-12-09')).toBe(true);
    expect(dtpOverdue('2016-12-09', '2026-12-09')).toBe(false);
    expect(dtpOverdue('2020-02-29', '2028-02-29')).toBe(false);
    expect(dtpOverdue(null, '2026-12-09')).toBe(false);
  });
});

describe('the authorisations', () => {
  it.each([
    ['2026-12-09', ['2026-2027']],
    ['2027-05-31', ['2026-2027']],
    ['2027-06-01', ['2026-2027', '2027-2028']],
    ['2027-07-04', ['2026-2027', '2027-2028']],
    ['2027-07-05', ['2027-2028']],
    ['2027-08-31', ['2027-2028']],
  ])('on %s are given for %o', (today, years) => {
    expect(authorisationYears(today)).toEqual(years);
  });

  it('lets a child go home alone from 8 years on 1 September', () => {
    expect(homeAloneProblem('2018-09-01', '2026-2027')).toBeNull();
    expect(homeAloneProblem('2018-09-02', '2026-2027')).toContain('8 ans');
    expect(homeAloneProblem('2018-09-02', '2027-2028')).toBeNull();
  });
});

describe('the log of changes', () => {
  it('says the day and the hour in Paris, the year only when it is not this one', () => {
    expect(formatChangeMoment(new Date('2026-12-03T17:02:00Z'), '2026-12-09')).toBe('le 3 décembre à 18 h 02');
    expect(formatChangeMoment(new Date('2026-12-03T17:02:00Z'), '2027-01-09')).toBe('le 3 décembre 2026 à 18 h 02');
  });
});

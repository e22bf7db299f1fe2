// The yearly registration (« dossier unique »): a campaign's school year, what a child's dossier
// still lacks for it, when the family is complete, what an incomplete family meets at booking, and
// when the family is reminded. Pure rules: the queries read the facts, these decide.
import { addDays, parisInstant, type IsoDate } from './dates.ts';
import { schoolYearOf, type Season } from './school-year.ts';

export type WhenIncomplete = 'block' | 'top-tier';

/** The four authorisations asked each school year (db/child-file-tables.ts). */
export const AUTHORISATION_KINDS = ['photo-video', 'home-alone', 'transport', 'emergency-care'] as const;

/** « 2027-2028 » for the school year starting in September 2027. */
export const schoolYearLabel = (startYear: number): string => `${startYear}-${startYear + 1}`;

/** The school year after the one `today` belongs to: the one a campaign prepares. */
export function nextSchoolYear(today: IsoDate): string {
  return schoolYearLabel(Number(schoolYearOf(today).start.slice(0, 4)) + 1);
}

/** The days of a school year label (from 1 September to the next 4 July, as schoolYearOf counts them). */
export function schoolYearSeason(label: string): Season {
  const start = Number(label.slice(0, 4));
  return { start: `${start}-09-01`, end: `${start + 1}-07-04` };
}

/** The label of the school year a day belongs to. */
export const schoolYearOfDay = (day: IsoDate): string => schoolYearLabel(Number(schoolYearOf(day).start.slice(0, 4)));

/** What a child's dossier lacks; its order is the page's. No health detail, only the section. */
export type Missing =
  | { kind: 'health' }
  | { kind: 'authorisations'; kinds: string[] }
  | { kind: 'emergency-contact' }
  | { kind: 'documents'; kinds: string[] };

export interface ChildFacts {
  /** When the fiche sanitaire was last saved, if ever. */
  healthRecordedAt: Date | null;
  /** The authorisations answered (granted or not) for the campaign's school year. */
  authorisationsGiven: readonly string[];
  /** Persons to call in an emergency still listed. */
  emergencyContacts: number;
}

export interface FamilyDocument {
  kind: string;
  status: 'pending' | 'accepted' | 'refused' | 'expired';
  /** Accepted until this day (none: no end). */
  expiresOn: IsoDate | null;
}

export interface CampaignRules {
  schoolYear: string;
  requiredDocuments: readonly string[];
  /** The fiche sanitaire must have been saved since then (the campaign's opening). */
  healthSince: Date;
}

/** The required kinds the family holds no accepted document of, valid until the school year ends. */
export function missingDocuments(rules: CampaignRules, documents: readonly FamilyDocument[]): string[] {
  const end = schoolYearSeason(rules.schoolYear).end;
  const valid = (kind: string) => documents.some((d) => d.kind === kind && d.status === 'accepted' && (d.expiresOn === null || d.expiresOn >= end));
  return rules.requiredDocuments.filter((kind) => !valid(kind));
}

/** What a child's dossier lacks for the campaign; empty, the family may confirm it. */
export function missingForChild(rules: CampaignRules, child: ChildFacts, documents: readonly FamilyDocument[]): Missing[] {
  const missing: Missing[] = [];
  if (child.healthRecordedAt === null || child.healthRecordedAt < rules.healthSince) missing.push({ kind: 'health' });
  const notGiven = AUTHORISATION_KINDS.filter((kind) => !child.authorisationsGiven.includes(kind));
  if (notGiven.length > 0) missing.push({ kind: 'authorisations', kinds: notGiven });
  if (child.emergencyContacts < 1) missing.push({ kind: 'emergency-contact' });
  const documentsMissing = missingDocuments(rules, documents);
  if (documentsMissing.length > 0) missing.push({ kind: 'documents', kinds: documentsMissing });
  return missing;
}

/** The family is complete when it has children and each of them is confirmed. */
export function familyComplete(children: readonly number[], confirmed: ReadonlySet<number>): boolean {
  return children.length > 0 && children.every((id) => confirmed.has(id));
}

export interface CampaignTerms {
  schoolYear: string;
  whenIncomplete: WhenIncomplete;
}

/**
 * What a day costs a family under the campaigns holding its product: `book` as usual, `top-tier`
 * (the product's highest price tier), or `refused`. Only days of a campaign's school year count,
 * and only while the family is not complete for it; refused wins over the top tier.
 */
export function bookingTerms(day: IsoDate, campaigns: readonly (CampaignTerms & { complete: boolean })[]): 'book' | 'top-tier' | 'refused' {
  const year = schoolYearOfDay(day);
  const applying = campaigns.filter((c) => !c.complete && c.schoolYear === year);
  if (applying.some((c) => c.whenIncomplete === 'block')) return 'refused';
  return applying.length > 0 ? 'top-tier' : 'book';
}

/** The reminders' instants (10:00 in Paris): the opening, two weeks before the close, the day before. */
export function reminderTimes(opensOn: IsoDate, closesOn: IsoDate): { opening: Date; twoWeeksBefore: Date; dayBefore: Date; end: Date } {
  return {
    opening: parisInstant(opensOn, 10),
    twoWeeksBefore: parisInstant(addDays(closesOn, -14), 10),
    dayBefore: parisInstant(addDays(closesOn, -1), 10),
    // The close is the end of its last day.
    end: parisInstant(addDays(closesOn, 1), 0),
  };
}

/** The campaign form's rules beyond each field: dates in order, closing before the school year starts. */
export function campaignDatesProblem(opensOn: IsoDate, closesOn: IsoDate, schoolYear: string, today: IsoDate): { field: 'ouverture' | 'cloture'; message: string } | null {
  if (closesOn < opensOn) return { field: 'cloture', message: 'La clôture doit suivre l’ouverture.' };
  if (closesOn < today) return { field: 'cloture', message: 'La clôture est déjà passée.' };
  if (closesOn > schoolYearSeason(schoolYear).end) return { field: 'cloture', message: `La clôture doit précéder la fin de l’année scolaire ${schoolYear}.` };
  return null;
}

const AUTHORISATION_WORDS: Record<string, string> = {
  'photo-video': 'photo et vidéo',
  'home-alone': 'rentrer seul',
  transport: 'transport',
  'emergency-care': 'soins d’urgence',
};

/** What a dossier lacks, in the words of the family's page and mails (never a health detail). */
export function missingWords(missing: Missing): string {
  switch (missing.kind) {
    case 'health':
      return 'fiche sanitaire à relire et enregistrer';
    case 'authorisations':
      return `autorisations à donner (${missing.kinds.map((kind) => AUTHORISATION_WORDS[kind] ?? kind).join(', ')})`;
    case 'emergency-contact':
      return 'une personne à prévenir en cas d’urgence à ajouter';
    case 'documents':
      return `pièces justificatives à déposer (${missing.kinds.length})`;
  }
}

// The rules of the child's file as the family keeps it: the diets a kitchen knows, the DTP
// reminder's dates, the authorisations of a school year and from what age a child may go home
// alone, what counts as a change of the fiche sanitaire, and the summaries of the family's log
// (never a health detail: the other guardian reads them, and so may anyone the log is shown to).
import { addDays, ageOn, formatParisWeekdayHour, parisDate, type IsoDate } from './dates.ts';
import { schoolYearOf } from './school-year.ts';

/** The diets a canteen can serve; any other goes in the notes. */
export const diets = [
  { value: 'sans-porc', label: 'Sans porc' },
  { value: 'sans-viande', label: 'Sans viande' },
  { value: 'vegetarien', label: 'Végétarien' },
  { value: 'sans-gluten', label: 'Sans gluten' },
  { value: 'sans-lactose', label: 'Sans lactose' },
  { value: 'pai-panier', label: 'Repas PAI / panier-repas fourni par la famille' },
] as const;
export type Diet = (typeof diets)[number]['value'];
export const dietLabel = (value: string) => diets.find((diet) => diet.value === value)?.label ?? value;
export const isDiet = (value: string): value is Diet => diets.some((diet) => diet.value === value);

/** A DTP reminder is due every ten years at most once the child's vaccinations are done. */
export const DTP_VALIDITY_YEARS = 10;

/** Why the DTP's last date cannot be right, or null: not after today, not before the birth. */
export function dtpProblem(day: IsoDate, birth: IsoDate, today: IsoDate): string | null {
  if (day > today) return 'La date du dernier rappel DTP ne peut pas être dans le futur.';
  if (day < birth) return "La date du dernier rappel DTP ne peut pas précéder la naissance de l'enfant.";
  return null;
}

/** Kept, but said to the family: a reminder older than ten years is overdue. */
export function dtpOverdue(day: IsoDate | null, today: IsoDate): boolean {
  if (!day) return false;
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return day < `${year - DTP_VALIDITY_YEARS}${rest === '-02-29' ? '-02-28' : rest}`;
}

/** What the family writes in the fiche sanitaire; every save of a different one is a new version. */
export interface HealthFields {
  allergies: string | null;
  diets: string[];
  has_pai: boolean;
  pai_document_id: number | null;
  treatments: string | null;
  dtp_last_on: IsoDate | null;
  vaccinations: string | null;
  doctor_name: string | null;
  doctor_phone: string | null;
  insurance_name: string | null;
  insurance_number: string | null;
  notes: string | null;
}

const healthKeys: (keyof HealthFields)[] = [
  'allergies', 'diets', 'has_pai', 'pai_document_id', 'treatments', 'dtp_last_on', 'vaccinations', 'doctor_name', 'doctor_phone', 'insurance_name', 'insurance_number', 'notes',
];

/** Whether a save would change nothing (the diets in any order). */
export function sameHealth(a: HealthFields, b: HealthFields): boolean {
  return healthKeys.every((key) => {
    if (key === 'diets') return [...a.diets].sort().join('|') === [...b.diets].sort().join('|');
    return (a[key] ?? null) === (b[key] ?? null);
  });
}

export const healthSummary = (version: number) => `Fiche sanitaire mise à jour (version ${version})`;
export const healthReviewedSummary = (version: number) => `Fiche sanitaire relue, sans changement (version ${version})`;

export type AuthorisationKind = 'photo-video' | 'home-alone' | 'transport' | 'emergency-care';

export const authorisationKinds: { value: AuthorisationKind; label: string; question: string }[] = [
  { value: 'photo-video', label: 'Photo et vidéo', question: "L'enfant peut être photographié ou filmé pendant les activités (usage interne et communication de la commune)." },
  { value: 'home-alone', label: 'Rentrer seul', question: "L'enfant peut quitter l'accueil seul, les jours cochés." },
  { value: 'transport', label: 'Transport', question: "L'enfant peut être transporté (car, minibus) pour les sorties et les activités." },
  { value: 'emergency-care', label: "Soins d'urgence", question: "Les équipes peuvent faire prendre en charge l'enfant par les secours et faire pratiquer les soins d'urgence nécessaires." },
];
export const authorisationLabel = (kind: string) => authorisationKinds.find((k) => k.value === kind)?.label ?? kind;

/** The days going home alone may name: the days an accueil runs. */
export const weekdays = [
  { value: 1, label: 'lundi' },
  { value: 2, label: 'mardi' },
  { value: 3, label: 'mercredi' },
  { value: 4, label: 'jeudi' },
  { value: 5, label: 'vendredi' },
  { value: 6, label: 'samedi' },
] as const;
export const weekdayNames = (days: readonly number[]) => [...days].sort((a, b) => a - b).map((day) => weekdays.find((w) => w.value === day)?.label ?? String(day)).join(', ');

/** « 2026-2027 »: the school year a day belongs to, as the authorisations name it. */
export function schoolYearLabel(day: IsoDate): string {
  const start = Number(schoolYearOf(day).start.slice(0, 4));
  return `${start}-${start + 1}`;
}

export const schoolYearStart = (label: string): IsoDate => `${label.slice(0, 4)}-09-01`;

/** The school years a family gives authorisations for: the current one, and from June the next. */
export function authorisationYears(today: IsoDate): string[] {
  const { end } = schoolYearOf(today);
  const current = schoolYearLabel(today);
  return today >= `${end.slice(0, 4)}-06-01` ? [current, schoolYearLabel(addDays(end, 1))] : [current];
}

/**
 * Going home alone is refused under 8 years on the first day of the school year (1 September): the
 * age most communes' rules of the accueil periscolaire name, the first year of CE2.
 */
export const HOME_ALONE_MIN_AGE = 8;

export function homeAloneProblem(birth: IsoDate, schoolYear: string): string | null {
  const first = schoolYearStart(schoolYear);
  if (ageOn(birth, first) >= HOME_ALONE_MIN_AGE) return null;
  return `Un enfant peut rentrer seul à partir de ${HOME_ALONE_MIN_AGE} ans au 1er septembre de l'année scolaire : ce n'est pas le cas pour ${schoolYear}.`;
}

/** « le 3 décembre à 18 h 02 », the year added when it is not this one. */
export function formatChangeMoment(instant: Date, today: IsoDate): string {
  // The weekday reads heavily in a list of changes: it is left out.
  const moment = formatParisWeekdayHour(instant).replace(/^\S+ /, '');
  const day = parisDate(instant);
  if (day.slice(0, 4) === today.slice(0, 4)) return `le ${moment}`;
  return `le ${moment.replace(' à ', ` ${day.slice(0, 4)} à `)}`;
}

// The authorisations of a school year: every kind answered yes or no, going home alone with its
// days and refused under the minimum age (domain/child-file.ts). Only the years the page offers
// (the current one, and from June the next) are written.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { authorisationsFor, saveAuthorisations } from '../../db/queries/child-file/authorisations.ts';
import type { Dependant } from '../../db/database.ts';
import { authorisationKinds, homeAloneProblem, type AuthorisationKind } from '../../domain/child-file.ts';
import { parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { anyText, repeatedText } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { childName, childOf, filePath, readFields, validateFields, yearsToAuthorise } from './child.ts';
import { AuthorisationsPage, type YearForm } from './views/authorisations.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const authorisationsAccess = {
  'GET /mon-compte/enfants/:id/autorisations': { who: 'parent', object: 'dependant' },
  'POST /mon-compte/enfants/:id/autorisations': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/enfants/:id/autorisations' } },
} satisfies AccessTable;

const answer = (label: string) => z.enum(['oui', 'non'], { error: `Répondez oui ou non pour « ${label} ».` });

const authorisationsSchema = z.object({
  annee: anyText,
  ...Object.fromEntries(authorisationKinds.map((kind) => [kind.value, answer(kind.label)])) as Record<AuthorisationKind, ReturnType<typeof answer>>,
  jours: repeatedText.refine((days) => days.every((day) => /^[1-6]$/.test(day)), 'Choisissez parmi les jours proposés.'),
});

export function authorisationsRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, child: Dependant, sent?: Omit<YearForm, 'given'>) => {
    const years = await yearsToAuthorise(deps, c, parisDate(now()));
    // A form sent for a year no longer offered comes back as the first year's.
    const target = sent && (years.includes(sent.year) ? sent.year : years[0]);
    const forms = await Promise.all(
      years.map(async (year): Promise<YearForm> => {
        const given = await authorisationsFor(db, child.id, year);
        return sent && target === year ? { ...sent, year, given } : { year, given, values: null, days: null, errors: {} };
      }),
    );
    return c.render(<AuthorisationsPage child={child} forms={forms} message={null} />, { title: `Autorisations pour ${childName(child)}` });
  };

  router.get(`/mon-compte/enfants/:id${ID}/autorisations`, async (c) => {
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    return page(c, child);
  });

  router.post(`/mon-compte/enfants/:id${ID}/autorisations`, async (c) => {
    const user = currentUser(c);
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const { values, all } = await readFields(c);
    const days = all('jours').filter((day): day is string => typeof day === 'string');
    const year = values.annee ?? '';
    const form = validateFields(authorisationsSchema, values, { jours: all('jours') });
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!(await yearsToAuthorise(deps, c, parisDate(now()))).includes(year)) errors.annee = "Cette année scolaire n'est pas ouverte aux autorisations : choisissez l'une de celles de la page.";
    if (values['home-alone'] === 'oui' && !errors.annee) {
      const problem = homeAloneProblem(child.birth_date, year);
      if (problem) errors['home-alone'] = problem;
      else if (days.length === 0 && !errors.jours) errors.jours = "Cochez les jours où l'enfant peut rentrer seul.";
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      c.status(400);
      return page(c, child, { year, values, days, errors });
    }
    const choices = authorisationKinds.map((kind) => ({
      kind: kind.value,
      granted: form.data[kind.value] === 'oui',
      weekdays: kind.value === 'home-alone' ? [...new Set(form.data.jours.map(Number))].sort((a, b) => a - b) : null,
    }));
    const changed = await saveAuthorisations(db, { dependantId: child.id, schoolYear: year, choices, userId: user.id, now: now() });
    return c.redirect(`${filePath(child)}?ok=${changed > 0 ? 'autorisations' : 'autorisations-inchangees'}`, 303);
  });

  return router;
}

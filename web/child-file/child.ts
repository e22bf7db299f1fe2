// The child whose file a page shows: one of the signed-in family's children, read through the
// family capability (which a second guardian's access extends), never a removed one.
import type { Context } from 'hono';
import { findDependant } from '../../db/queries/family/index.ts';
import { campaignSchoolYears } from '../../db/queries/registration/index.ts';
import { authorisationYears } from '../../domain/child-file.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Dependant } from '../../db/database.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { z } from 'zod';
import { validateForm, type FormResult, type FormValues } from '../forms/forms.ts';
import { idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';

/** The child named in the path, or undefined (another family's, removed, or a spouse: 404). */
export async function childOf(deps: Pick<AppDeps, 'db'>, c: Context<AppEnv>): Promise<Dependant | undefined> {
  const child = await findDependant(deps.db, currentUser(c).id, idParam(c));
  return child && child.relationship !== 'conjoint' ? child : undefined;
}

export const childName = (child: Pick<Dependant, 'first_name' | 'last_name'>) => `${child.first_name} ${child.last_name}`;
export const filePath = (child: Pick<Dependant, 'id'>) => childFileLinks(child.id).file;

/**
 * A form's fields read once: one text per field as a browser sends it (the last, should a field
 * come twice), and every value of each field for the checkboxes and the file.
 */
export async function readFields(c: Context<AppEnv>): Promise<{ values: FormValues; all: (name: string) => unknown[] }> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    const last = [value].flat().filter((v): v is string => typeof v === 'string').pop();
    if (last !== undefined) values[name] = last;
  }
  // An empty value ticks nothing (a field sent empty by hand, or by a script).
  return { values, all: (name) => [body[name] ?? []].flat().filter((value) => value !== '') };
}

/** The schema's check of the texts with the fields sent several times (checkboxes) as lists. */
export function validateFields<S extends z.ZodType>(schema: S, values: FormValues, lists: Record<string, unknown[]>): FormResult<z.infer<S>> {
  // validateForm reads only its input's entries: a list in place of a text is the schema's to judge.
  return validateForm(schema, { ...values, ...lists } as unknown as FormValues);
}

/** The pages of a child's file, where other pages send the family. */
export const childFileLinks = (dependantId: number) => {
  const file = `/mon-compte/enfants/${dependantId}`;
  return { file, health: `${file}/sante`, pai: `${file}/pai`, contacts: `${file}/contacts`, authorisations: `${file}/autorisations` };
};

/** The school years the family answers authorisations for: the file's own, and those its dossiers ask. */
export async function yearsToAuthorise(deps: Pick<AppDeps, 'db'>, c: Context<AppEnv>, today: IsoDate): Promise<string[]> {
  const user = currentUser(c);
  const asked = await campaignSchoolYears(deps.db, { userId: user.id, communeId: user.commune_id }, today);
  return [...new Set([...authorisationYears(today), ...asked])].sort();
}

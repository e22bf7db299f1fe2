// The form route's pattern in one place: read the fields, check them with the schema (and any
// rule it cannot express), render the form again when they are wrong (400, what was typed, a
// French message next to each field), else do the work and redirect (303) to a page that shows a
// flash message. A route is then a few lines of its own logic.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../http/env.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from './forms.ts';

/** The pattern of an id in a route's path, and the id it names (the pattern checked its digits). */
export const ID = '{[0-9]{1,12}}';
export const idParam = (c: Context<AppEnv>, name = 'id'): number => Number(c.req.param(name));

export interface FormRoute<S extends z.ZodType> {
  schema: S;
  /** Rules beyond the schema, on the raw values; their messages join the schema's. */
  check?: (values: FormValues) => FieldErrors | Promise<FieldErrors>;
  /** The form's page again with the user's values and the errors (the status is already 400). */
  again: (form: { values: FormValues; errors: FieldErrors }) => Response | Promise<Response>;
  /** The work; errors it returns (a duplicate, say) are shown next to their fields the same way. */
  save: (data: z.infer<S>, values: FormValues) => Promise<FieldErrors | void>;
  /** Where to go once saved, usually a page with `?ok=<flash code>`. */
  then: string | ((data: z.infer<S>, values: FormValues) => string);
  /**
   * For work that cannot be undone (money, mails, a lockout): the page that says what `save` will
   * do, shown instead of doing it until the form comes back carrying `confirmation=oui`
   * (`ConfirmationButtons`); errors it returns are shown next to their fields as `save`'s.
   */
  preview?: (data: z.infer<S>, values: FormValues) => Promise<Response | FieldErrors>;
}

/** The field and value a confirmation page's « Confirmer » sends; « Retour » sends `retour`. */
export const CONFIRMATION = { field: 'confirmation', yes: 'oui', back: 'retour' } as const;

export async function handleForm<S extends z.ZodType>(c: Context<AppEnv>, route: FormRoute<S>): Promise<Response> {
  const values = await readForm(c);
  // « Retour » from a confirmation: the form again as it was typed, nothing done.
  if (route.preview && values[CONFIRMATION.field] === CONFIRMATION.back) return route.again({ values, errors: {} });
  const form = validateForm(route.schema, values);
  const again = (errors: FieldErrors) => {
    c.status(400);
    return route.again({ values, errors });
  };
  const errors = { ...(await route.check?.(values)), ...(form.ok ? {} : form.errors) };
  if (!form.ok || Object.keys(errors).length > 0) return again(errors);
  if (route.preview && values[CONFIRMATION.field] !== CONFIRMATION.yes) {
    const shown = await route.preview(form.data, values);
    return shown instanceof Response ? shown : again(shown);
  }
  const refused = await route.save(form.data, values);
  if (refused && Object.keys(refused).length > 0) return again(refused);
  return c.redirect(typeof route.then === 'string' ? route.then : route.then(form.data, values), 303);
}

/** The flash message a page shows after a redirect, from its `?ok=` code. */
export function flash(c: Context<AppEnv>, messages: Record<string, string>): string | null {
  return messages[c.req.query('ok') ?? ''] ?? null;
}

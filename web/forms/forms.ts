// Form input is read once and checked with a zod schema; on failure the page is rendered again
// with what the user typed and one French message per field.
import type { Context } from 'hono';
import type { z } from 'zod';

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The text fields of a urlencoded or multipart body (files are read separately). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

export function validateForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

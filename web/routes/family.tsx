// "Mes filiations" and "Mes adresses": plain edits straight to the database, each scoped to the
// signed-in family (another family's id answers 404, as if it did not exist).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { findAddress, findDependant, listAddresses, listDependants, removeDependant, setDefaultAddress, upcomingReservations } from '../../db/queries/family.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { birthDateProblem, isPostalCode, relationships, type RelationshipValue } from '../../domain/family.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from '../forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { requiredText } from '../schemas.ts';
import { AddressesPage, EditAddressPage } from '../views/family/addresses.tsx';
import { DependantsPage, EditDependantPage } from '../views/family/dependants.tsx';
import type { AccessTable } from '../access.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au maximum.`)
    .optional()
    .transform((value) => value || null);

const dependantSchema = z.object({
  first_name: requiredText('Indiquez le prénom.', 60),
  last_name: requiredText('Indiquez le nom.', 60),
  birth_date: z.string({ error: 'Indiquez la date de naissance.' }).trim().min(1, 'Indiquez la date de naissance.'),
  relationship: z.enum(relationships.map((r) => r.value) as [RelationshipValue, ...RelationshipValue[]], { error: 'Choisissez le lien.' }),
  notes: optionalText(1000),
});

const addressSchema = z.object({
  label: requiredText("Donnez un nom à l'adresse (par exemple : Domicile).", 60),
  line1: requiredText("Indiquez l'adresse.", 200),
  line2: optionalText(200),
  postal_code: z.string({ error: 'Indiquez le code postal.' }).trim().refine(isPostalCode, 'Le code postal doit compter 5 chiffres (exemple : 43000).'),
  city: requiredText('Indiquez la commune.', 100),
});

const idParam = '{[0-9]{1,12}}';

/** Who may call each route below (see web/access.ts). */
export const familyAccess = {
  'GET /mon-compte/filiations': { who: 'parent' },
  'POST /mon-compte/filiations': { who: 'parent', input: { form: 'GET /mon-compte/filiations' } },
  'GET /mon-compte/filiations/:id': { who: 'parent', object: 'dependant' },
  'POST /mon-compte/filiations/:id': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/filiations/:id' } },
  'POST /mon-compte/filiations/:id/supprimer': { who: 'parent', object: 'dependant', input: 'button' },
  'GET /mon-compte/adresses': { who: 'parent' },
  'POST /mon-compte/adresses': { who: 'parent', input: { form: 'GET /mon-compte/adresses' } },
  'GET /mon-compte/adresses/:id': { who: 'parent', object: 'address' },
  'POST /mon-compte/adresses/:id': { who: 'parent', object: 'address', input: { form: 'GET /mon-compte/adresses/:id' } },
  'POST /mon-compte/adresses/:id/par-defaut': { who: 'parent', object: 'address', input: 'button' },
  'POST /mon-compte/adresses/:id/supprimer': { who: 'parent', object: 'address', input: 'button' },
} satisfies AccessTable;

export function familyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const dependantsPage = async (c: Context<AppEnv>, extra: Omit<Parameters<typeof DependantsPage>[0], 'dependants'> = {}) =>
    c.render(<DependantsPage dependants={await listDependants(db, currentUser(c).id)} {...extra} />, { title: 'Mes filiations' });

  /** Checks the form; on success writes it, turning a duplicate into a message next to the name. */
  async function saveDependant(c: Context<AppEnv>, values: FormValues, write: (data: z.infer<typeof dependantSchema>) => Promise<unknown>): Promise<FieldErrors | null> {
    const form = validateForm(dependantSchema, values);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const birthProblem = values.birth_date ? birthDateProblem(values.birth_date.trim(), parisDate(now())) : null;
    if (birthProblem && !errors.birth_date) errors.birth_date = birthProblem;
    if (!form.ok || Object.keys(errors).length > 0) return errors;
    try {
      await write(form.data);
      return null;
    } catch (error) {
      if (isUniqueViolation(error, 'dependants_unique_person')) return { first_name: 'Cette personne figure déjà dans votre famille.' };
      throw error;
    }
  }

  router.get('/mon-compte/filiations', (c) => {
    const done = c.req.query('ok');
    return dependantsPage(c, { message: done === 'ajout' ? 'La personne a été ajoutée.' : done === 'retrait' ? 'La personne a été retirée.' : done === 'modif' ? 'Les informations ont été enregistrées.' : null });
  });

  router.post('/mon-compte/filiations', async (c) => {
    const user = currentUser(c);
    const values = await readForm(c);
    const errors = await saveDependant(c, values, (data) => db.insertInto('dependants').values({ guardian_id: user.id, ...data }).execute());
    if (errors) {
      c.status(400);
      return dependantsPage(c, { values, errors });
    }
    return c.redirect('/mon-compte/filiations?ok=ajout', 303);
  });

  router.get(`/mon-compte/filiations/:id${idParam}`, async (c) => {
    const dependant = await findDependant(db, currentUser(c).id, Number(c.req.param('id')));
    if (!dependant) return c.notFound();
    return c.render(<EditDependantPage dependant={dependant} />, { title: 'Modifier une personne' });
  });

  router.post(`/mon-compte/filiations/:id${idParam}`, async (c) => {
    const user = currentUser(c);
    const dependant = await findDependant(db, user.id, Number(c.req.param('id')));
    if (!dependant) return c.notFound();
    const values = await readForm(c);
    const errors = await saveDependant(c, values, (data) =>
      db.updateTable('dependants').set(data).where('id', '=', dependant.id).where('guardian_id', '=', user.id).execute(),
    );
    if (errors) {
      c.status(400);
      return c.render(<EditDependantPage dependant={dependant} values={values} errors={errors} />, { title: 'Modifier une personne' });
    }
    return c.redirect('/mon-compte/filiations?ok=modif', 303);
  });

  router.post(`/mon-compte/filiations/:id${idParam}/supprimer`, async (c) => {
    const user = currentUser(c);
    const dependant = await findDependant(db, user.id, Number(c.req.param('id')));
    if (!dependant) return c.notFound();
    const upcoming = await upcomingReservations(db, user.id, dependant.id, parisDate(now()));
    if (upcoming.length > 0) {
      c.status(409);
      const bookings = upcoming.map((r) => `${formatLongDate(r.service_date)} : ${r.product} (${r.prestation})`);
      return dependantsPage(c, { blocked: { name: `${dependant.first_name} ${dependant.last_name}`, bookings } });
    }
    await removeDependant(db, user.id, dependant.id, now());
    return c.redirect('/mon-compte/filiations?ok=retrait', 303);
  });

  const addressesPage = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldErrors; message?: string | null } = {}) =>
    c.render(<AddressesPage addresses={await listAddresses(db, currentUser(c).id)} {...extra} />, { title: 'Mes adresses' });

  router.get('/mon-compte/adresses', (c) => addressesPage(c, { message: c.req.query('ok') === '1' ? 'Vos adresses ont été mises à jour.' : null }));

  router.post('/mon-compte/adresses', async (c) => {
    const user = currentUser(c);
    const values = await readForm(c);
    const form = validateForm(addressSchema, values);
    if (!form.ok) {
      c.status(400);
      return addressesPage(c, { values, errors: form.errors });
    }
    const isFirst = (await listAddresses(db, user.id)).length === 0;
    await db.insertInto('addresses').values({ user_id: user.id, ...form.data, is_default: isFirst }).execute();
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  router.get(`/mon-compte/adresses/:id${idParam}`, async (c) => {
    const address = await findAddress(db, currentUser(c).id, Number(c.req.param('id')));
    if (!address) return c.notFound();
    return c.render(<EditAddressPage address={address} />, { title: "Modifier l'adresse" });
  });

  router.post(`/mon-compte/adresses/:id${idParam}`, async (c) => {
    const user = currentUser(c);
    const address = await findAddress(db, user.id, Number(c.req.param('id')));
    if (!address) return c.notFound();
    const values = await readForm(c);
    const form = validateForm(addressSchema, values);
    if (!form.ok) {
      c.status(400);
      return c.render(<EditAddressPage address={address} values={values} errors={form.errors} />, { title: "Modifier l'adresse" });
    }
    await db.updateTable('addresses').set(form.data).where('id', '=', address.id).where('user_id', '=', user.id).execute();
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  router.post(`/mon-compte/adresses/:id${idParam}/par-defaut`, async (c) => {
    if (!(await setDefaultAddress(db, currentUser(c).id, Number(c.req.param('id'))))) return c.notFound();
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  router.post(`/mon-compte/adresses/:id${idParam}/supprimer`, async (c) => {
    const user = currentUser(c);
    const address = await findAddress(db, user.id, Number(c.req.param('id')));
    if (!address) return c.notFound();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('addresses').where('id', '=', address.id).where('user_id', '=', user.id).execute();
      // The default goes to the oldest remaining address, so there is always one when any is left.
      if (address.is_default) {
        const next = await trx.selectFrom('addresses').select('id').where('user_id', '=', user.id).orderBy('id').executeTakeFirst();
        if (next) await trx.updateTable('addresses').set({ is_default: true }).where('id', '=', next.id).execute();
      }
    });
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  return router;
}

// "Mes filiations" and "Mes adresses": plain edits straight to the database, each scoped to the
// signed-in family (another family's id answers 404, as if it did not exist).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  addAddress,
  addDependant,
  findAddress,
  findDependant,
  listAddresses,
  listDependants,
  removeAddress,
  removeDependant,
  setDefaultAddress,
  upcomingReservations,
  updateAddress,
  updateDependant,
  type DependantFields,
} from '../../db/queries/family/family.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { birthDateProblem, relationships, type RelationshipValue } from '../../domain/family.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam, type FormRoute } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { addressSchema, requiredText } from '../forms/schemas.ts';
import { AddressesPage, EditAddressPage } from './views/addresses.tsx';
import { DependantsPage, EditDependantPage } from './views/dependants.tsx';
import type { AccessTable } from '../http/access.ts';


const dependantSchema = z.object({
  first_name: requiredText('Indiquez le prénom.', 60),
  last_name: requiredText('Indiquez le nom.', 60),
  birth_date: z.string({ error: 'Indiquez la date de naissance.' }).trim().min(1, 'Indiquez la date de naissance.'),
  relationship: z.enum(relationships.map((r) => r.value) as [RelationshipValue, ...RelationshipValue[]], { error: 'Choisissez le lien.' }),
});

/** Who may call each route below (see web/http/access.ts). */
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

const dependantFlashes = { ajout: 'La personne a été ajoutée.', retrait: 'La personne a été retirée.', modif: 'Les informations ont été enregistrées.' };
const addressFlashes = { '1': 'Vos adresses ont été mises à jour.' };

export function familyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const dependantsPage = async (c: Context<AppEnv>, extra: Omit<Parameters<typeof DependantsPage>[0], 'dependants'> = {}) =>
    c.render(<DependantsPage dependants={await listDependants(db, currentUser(c).id)} {...extra} />, { title: 'Mes filiations' });

  /** A dependant's form: the schema, the birth date's rule, and a duplicate told next to the name. */
  const dependantForm = (c: Context<AppEnv>, route: Pick<FormRoute<typeof dependantSchema>, 'again' | 'then'> & { write: (fields: DependantFields) => Promise<void> }) =>
    handleForm(c, {
      schema: dependantSchema,
      check: (values): FieldErrors => {
        const problem = values.birth_date ? birthDateProblem(values.birth_date.trim(), parisDate(now())) : null;
        return problem ? { birth_date: problem } : {};
      },
      again: route.again,
      save: async (fields) => {
        try {
          await route.write(fields);
        } catch (error) {
          if (isUniqueViolation(error, 'dependants_unique_person')) return { first_name: 'Cette personne figure déjà dans votre famille.' };
          throw error;
        }
      },
      then: route.then,
    });

  router.get('/mon-compte/filiations', (c) => dependantsPage(c, { message: flash(c, dependantFlashes) }));

  router.post('/mon-compte/filiations', (c) =>
    dependantForm(c, { again: (form) => dependantsPage(c, form), write: (fields) => addDependant(db, currentUser(c).id, fields), then: '/mon-compte/filiations?ok=ajout' }),
  );

  router.get(`/mon-compte/filiations/:id${ID}`, async (c) => {
    const dependant = await findDependant(db, currentUser(c).id, idParam(c));
    if (!dependant) return c.notFound();
    return c.render(<EditDependantPage dependant={dependant} />, { title: 'Modifier une personne' });
  });

  router.post(`/mon-compte/filiations/:id${ID}`, async (c) => {
    const user = currentUser(c);
    const dependant = await findDependant(db, user.id, idParam(c));
    if (!dependant) return c.notFound();
    return dependantForm(c, {
      again: (form) => c.render(<EditDependantPage dependant={dependant} {...form} />, { title: 'Modifier une personne' }),
      write: (fields) => updateDependant(db, user.id, dependant.id, fields, now()),
      then: '/mon-compte/filiations?ok=modif',
    });
  });

  router.post(`/mon-compte/filiations/:id${ID}/supprimer`, async (c) => {
    const user = currentUser(c);
    const dependant = await findDependant(db, user.id, idParam(c));
    if (!dependant) return c.notFound();
    // A shared child is the other guardian's too: the sharing ends first, on its own page.
    if (dependant.co_guardian_id !== null) return c.redirect(`/mon-compte/garde-partagee/${dependant.id}?ok=retrait`, 303);
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

  router.get('/mon-compte/adresses', (c) => addressesPage(c, { message: flash(c, addressFlashes) }));

  router.post('/mon-compte/adresses', (c) =>
    handleForm(c, {
      schema: addressSchema,
      again: (form) => addressesPage(c, form),
      save: async (fields) => {
        await addAddress(db, currentUser(c).id, fields);
      },
      then: '/mon-compte/adresses?ok=1',
    }),
  );

  router.get(`/mon-compte/adresses/:id${ID}`, async (c) => {
    const address = await findAddress(db, currentUser(c).id, idParam(c));
    if (!address) return c.notFound();
    return c.render(<EditAddressPage address={address} />, { title: "Modifier l'adresse" });
  });

  router.post(`/mon-compte/adresses/:id${ID}`, async (c) => {
    const user = currentUser(c);
    const address = await findAddress(db, user.id, idParam(c));
    if (!address) return c.notFound();
    return handleForm(c, {
      schema: addressSchema,
      again: (form) => c.render(<EditAddressPage address={address} {...form} />, { title: "Modifier l'adresse" }),
      save: (fields) => updateAddress(db, user.id, address.id, fields),
      then: '/mon-compte/adresses?ok=1',
    });
  });

  router.post(`/mon-compte/adresses/:id${ID}/par-defaut`, async (c) => {
    if (!(await setDefaultAddress(db, currentUser(c).id, idParam(c)))) return c.notFound();
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  router.post(`/mon-compte/adresses/:id${ID}/supprimer`, async (c) => {
    const user = currentUser(c);
    const address = await findAddress(db, user.id, idParam(c));
    if (!address) return c.notFound();
    await removeAddress(db, user.id, address);
    return c.redirect('/mon-compte/adresses?ok=1', 303);
  });

  return router;
}

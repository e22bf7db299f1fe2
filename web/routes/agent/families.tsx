// Staff: search the families of their communes and open one.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { familyDocuments, isFamilyInScope, searchFamilies, setQuotientFamilial } from '../../../db/queries/families.ts';
import { listAddresses, listDependants } from '../../../db/queries/family.ts';
import { familySubscriptions } from '../../../db/queries/subscriptions.ts';
import { communeName, findUser, staffCommuneIds } from '../../../db/queries/users.ts';
import { adjustWallet, balance, InsufficientFunds } from '../../../db/queries/wallet.ts';
import { parseEuros } from '../../../domain/money.ts';
import { describeAccountStatus } from '../../account-state.ts';
import type { AppDeps } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { currentUser } from '../../middleware/guards.ts';
import { FamilyPage, FamilySearchPage } from '../../views/agent/families.tsx';
import type { AccessTable } from '../../access.ts';

/** Who may call each route below (see web/access.ts). */
export const familySearchAccess = {
  'GET /agent/familles': { who: 'staff' },
  'GET /agent/familles/:id': { who: 'staff', object: 'family' },
  'POST /agent/familles/:id/quotient': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id', optional: true } },
  'POST /agent/familles/:id/porte-monnaie': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id' } },
} satisfies AccessTable;

export function familySearchRoutes({ db, workflows }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/familles', async (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 100);
    const results = await searchFamilies(db, await staffCommuneIds(db, currentUser(c)), query);
    return c.render(<FamilySearchPage query={query} results={results} />, { title: 'Familles' });
  });

  async function familyPage(
    c: Context<AppEnv>,
    id: number,
    extra: { qfError?: string; qfValue?: string; message?: string | null; adjustment?: { values: Record<string, string>; errors: Record<string, string> } } = {},
  ) {
    const user = (await findUser(db, id))!;
    const commune = user.commune_id ? await communeName(db, user.commune_id) : null;
    const workflow = user.status === 'pending' ? await workflows.accountValidationState(id).catch(() => null) : null;
    const documents = await familyDocuments(db, [id]);
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
    return c.render(
      <FamilyPage
        family={{ id, name, email: user.email, phone: user.phone, commune, quotientFamilial: user.quotient_familial }}
        {...extra}
        status={describeAccountStatus(user, workflow)}
        dependants={await listDependants(db, id)}
        documents={documents}
        subscriptions={await familySubscriptions(db, id)}
        addresses={await listAddresses(db, id)}
        walletCents={await balance(db, id)}
      />,
      { title: `Famille ${name}` },
    );
  }

  const inScope = async (c: Context<AppEnv>, id: number) => {
    if (!(await isFamilyInScope(db, await staffCommuneIds(db, currentUser(c)), id))) throw new HTTPException(403);
  };

  router.get('/familles/:id{[0-9]{1,12}}', async (c) => {
    const id = Number(c.req.param('id'));
    await inScope(c, id);
    const ok = c.req.query('ok');
    return familyPage(c, id, { message: ok === 'qf' ? 'Le quotient familial a été enregistré.' : ok === 'porte-monnaie' ? "L'ajustement du porte-monnaie a été enregistré." : null });
  });

  router.post('/familles/:id{[0-9]{1,12}}/quotient', async (c) => {
    const id = Number(c.req.param('id'));
    await inScope(c, id);
    const value = ((await readForm(c)).quotient_familial ?? '').trim();
    if (value !== '' && !/^\d{1,6}$/.test(value)) {
      c.status(400);
      return familyPage(c, id, { qfError: 'Le quotient familial est un nombre entier (par exemple 850).', qfValue: value });
    }
    const quotient = value === '' ? null : Number(value);
    if (quotient !== null && quotient > 100_000) {
      c.status(400);
      return familyPage(c, id, { qfError: 'Ce quotient familial semble erroné (100 000 au plus).', qfValue: value });
    }
    await setQuotientFamilial(db, { staffId: currentUser(c).id, userId: id, quotient });
    return c.redirect(`/agent/familles/${id}?ok=qf`, 303);
  });

  router.post('/familles/:id{[0-9]{1,12}}/porte-monnaie', async (c) => {
    const id = Number(c.req.param('id'));
    await inScope(c, id);
    const values = await readForm(c);
    const errors: Record<string, string> = {};
    const cents = parseEuros(values.montant ?? '', { allowNegative: true, maxDigits: 5 }) ?? 0;
    if (cents === 0) errors.montant = 'Indiquez un montant non nul en euros, par exemple 5,00 ou -2,50.';
    const reason = (values.motif ?? '').trim();
    if (reason.length < 3 || reason.length > 200) errors.motif = 'Indiquez le motif (3 à 200 caractères).';
    if (Object.keys(errors).length === 0) {
      try {
        await adjustWallet(db, { staffId: currentUser(c).id, userId: id, amountCents: cents, reason });
        return c.redirect(`/agent/familles/${id}?ok=porte-monnaie`, 303);
      } catch (error) {
        if (!(error instanceof InsufficientFunds)) throw error;
        errors.montant = 'Le solde ne permet pas ce débit.';
      }
    }
    c.status(400);
    return familyPage(c, id, { adjustment: { values, errors } });
  });

  return router;
}

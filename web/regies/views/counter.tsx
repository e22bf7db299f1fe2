// « Encaissement au guichet »: staff find the family, then record the money received (the methods
// the régie's act allows at a counter), credited to the family's wallet once confirmed.
import { formatEuros } from '../../../domain/money.ts';
import { METHOD_LABELS, type CounterMethod } from '../../../domain/regies.ts';
import type { CounterFamily } from '../../../db/queries/regies/counter.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';

export const COUNTER_LABELS = { famille: 'Famille', montant: 'Montant', moyen: 'Moyen de paiement', numero: 'Numéro du chèque ou du titre' };

export interface CounterPageProps {
  regie: { id: number; name: string };
  methods: CounterMethod[];
  search: string;
  families: CounterFamily[];
  values: FormValues;
  errors: FieldErrors;
  token: string;
  done: { message: string; entryId: number | null } | null;
}

export function CounterPage({ regie, methods, search, families, values, errors, token, done }: CounterPageProps) {
  return (
    <>
      <p>
        <a href={`/agent/regies/${regie.id}`}>← {regie.name}</a>
      </p>
      <h1>Encaissement au guichet – {regie.name}</h1>
      {done ? (
        <Notice kind="success">
          <p>{done.message}</p>
          {done.entryId !== null ? (
            <p>
              <a href={`/agent/regies/${regie.id}/recu?entree=${done.entryId}`}>Télécharger le reçu (PDF)</a>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <p>L’argent reçu au guichet crédite le porte-monnaie de la famille ; il entre au journal de la régie comme recette perçue avant émission de titre, et la famille peut télécharger son reçu depuis son porte-monnaie.</p>
      <h2>Trouver la famille</h2>
      <form method="get" action={`/agent/regies/${regie.id}/encaissement`}>
        <Field name="q" label="Nom, prénom d’un enfant ou adresse e-mail" value={search} />
        <button class="button button--secondary" type="submit">
          Chercher
        </button>
      </form>
      <h2>Enregistrer un paiement</h2>
      {methods.length === 0 ? <Notice kind="warning">L’acte de cette régie n’autorise aucun paiement au guichet (espèces, chèque, CESU, chèques vacances).</Notice> : null}
      <form method="post" action={`/agent/regies/${regie.id}/encaissement`} novalidate>
        <ErrorSummary errors={errors} labels={COUNTER_LABELS} />
        <input type="hidden" name="jeton" value={token} />
        <SelectField
          name="famille"
          label={COUNTER_LABELS.famille}
          required
          options={families.map((f) => ({ value: String(f.id), label: `${f.name} – ${f.email}${f.commune ? ` (${f.commune})` : ''}` }))}
          value={values.famille}
          error={errors.famille}
          placeholder={families.length === 0 ? 'Aucune famille trouvée' : 'Choisissez la famille'}
        />
        <Field name="montant" label="Montant en euros" required value={values.montant} error={errors.montant} hint="Par exemple 25,00." autocomplete="off" extra={{ inputmode: 'decimal' }} />
        <SelectField name="moyen" label={COUNTER_LABELS.moyen} required options={methods.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} value={values.moyen} error={errors.moyen} placeholder="Choisissez" />
        <Field name="numero" label={COUNTER_LABELS.numero} value={values.numero} error={errors.numero} hint="Obligatoire pour un chèque, des CESU ou des chèques vacances (plusieurs numéros séparés par des virgules)." autocomplete="off" />
        <button class="button" type="submit">
          Enregistrer
        </button>
      </form>
    </>
  );
}

export function CounterConfirmationPage(props: { regie: { id: number; name: string }; family: CounterFamily; amountCents: number; method: CounterMethod; number: string | null; fields: [string, string][] }) {
  const { regie, family, amountCents, method, number, fields } = props;
  return (
    <>
      <h1>Confirmer l’encaissement</h1>
      <p>
        {formatEuros(amountCents)} reçus en {METHOD_LABELS[method].toLowerCase()}
        {number ? ` (n° ${number})` : ''} de {family.name} ({family.email}) seront portés au porte-monnaie de la famille et inscrits au journal de la {regie.name}. Une écriture du journal ne s’efface pas.
      </p>
      <ConfirmationForm action={`/agent/regies/${regie.id}/encaissement`} fields={fields} />
    </>
  );
}

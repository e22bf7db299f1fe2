// "Mes adresses": several addresses, one by default (the checkout's billing address).
import type { Address } from '../../../db/database.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';

const labels = { label: "Nom de l'adresse", line1: 'Adresse', line2: "Complément d'adresse", postal_code: 'Code postal', city: 'Commune' };

export function AddressForm({ action, values = {}, errors = {}, submit }: { action: string; values?: FormValues; errors?: FieldErrors; submit: string }) {
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} labels={labels} />
      <Field name="label" label="Nom de l'adresse" required value={values.label} error={errors.label} hint="Par exemple : Domicile, Travail." />
      <Field name="line1" label="Adresse" required autocomplete="address-line1" value={values.line1} error={errors.line1} />
      <Field name="line2" label="Complément d'adresse" autocomplete="address-line2" value={values.line2} error={errors.line2} />
      <Field name="postal_code" label="Code postal" required autocomplete="postal-code" value={values.postal_code} error={errors.postal_code} extra={{ inputmode: 'numeric', maxlength: '5' }} />
      <Field name="city" label="Commune" required autocomplete="address-level2" value={values.city} error={errors.city} />
      <button class="button" type="submit">
        {submit}
      </button>
    </form>
  );
}

export function AddressesPage(props: { addresses: Address[]; values?: FormValues; errors?: FieldErrors; message?: string | null }) {
  const { addresses, values, errors, message } = props;
  return (
    <>
      <h1>Mes adresses</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {addresses.length === 0 ? (
        <p>Aucune adresse enregistrée.</p>
      ) : (
        <ul class="cards">
          {addresses.map((address) => (
            <li class="card">
              <h2>
                {address.label}
                {address.is_default ? <span class="badge">Par défaut</span> : null}
              </h2>
              <p>
                {address.line1}
                {address.line2 ? (
                  <>
                    <br />
                    {address.line2}
                  </>
                ) : null}
                <br />
                {address.postal_code} {address.city}
              </p>
              <p class="actions">
                <a href={`/mon-compte/adresses/${address.id}`}>
                  Modifier<span class="visually-hidden"> {address.label}</span>
                </a>
                {address.is_default ? null : (
                  <form method="post" action={`/mon-compte/adresses/${address.id}/par-defaut`} class="inline-form">
                    <button class="link-button" type="submit">
                      Utiliser par défaut<span class="visually-hidden"> : {address.label}</span>
                    </button>
                  </form>
                )}
                <form method="post" action={`/mon-compte/adresses/${address.id}/supprimer`} class="inline-form">
                  <button class="link-button" type="submit">
                    Supprimer<span class="visually-hidden"> {address.label}</span>
                  </button>
                </form>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Ajouter une adresse</h2>
      <AddressForm action="/mon-compte/adresses" values={values} errors={errors} submit="Ajouter l'adresse" />
    </>
  );
}

export function EditAddressPage({ address, values, errors }: { address: Address; values?: FormValues; errors?: FieldErrors }) {
  const current = values ?? { label: address.label, line1: address.line1, line2: address.line2 ?? '', postal_code: address.postal_code, city: address.city };
  return (
    <>
      <p>
        <a href="/mon-compte/adresses">← Mes adresses</a>
      </p>
      <h1>Modifier l'adresse « {address.label} »</h1>
      <AddressForm action={`/mon-compte/adresses/${address.id}`} values={current} errors={errors} submit="Enregistrer" />
    </>
  );
}

// "Mes bons de réduction" for families, and the vouchers page of staff with its creation form.
import { formatLongDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';

export interface VoucherRow {
  code: string;
  label: string;
  kind: 'amount' | 'percent';
  value: number;
  valid_until: string;
  min_order_cents: number;
  commune: string | null;
  product: string | null;
}

const worth = (voucher: Pick<VoucherRow, 'kind' | 'value'>) => (voucher.kind === 'amount' ? formatEuros(voucher.value) : `${voucher.value} %`);

function VoucherTable({ vouchers }: { vouchers: VoucherRow[] }) {
  return (
    <table class="stack">
      <caption class="visually-hidden">Bons de réduction</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Bon</th>
          <th scope="col">Réduction</th>
          <th scope="col">Conditions</th>
          <th scope="col">Valable jusqu'au</th>
        </tr>
      </thead>
      <tbody>
        {vouchers.map((voucher) => (
          <tr>
            <td data-label="Code">
              <code>{voucher.code}</code>
            </td>
            <td data-label="Bon">{voucher.label}</td>
            <td data-label="Réduction">{worth(voucher)}</td>
            <td data-label="Conditions">
              {[voucher.min_order_cents > 0 ? `dès ${formatEuros(voucher.min_order_cents)}` : null, voucher.commune ? `commune de ${voucher.commune}` : null, voucher.product ? voucher.product : null]
                .filter(Boolean)
                .join(', ') || 'aucune'}
            </td>
            <td data-label="Valable jusqu'au">{formatLongDate(voucher.valid_until)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MyVouchersPage({ vouchers }: { vouchers: VoucherRow[] }) {
  return (
    <>
      <h1>Mes bons de réduction</h1>
      {vouchers.length === 0 ? <p>Aucun bon de réduction n'est disponible pour vous en ce moment.</p> : <VoucherTable vouchers={vouchers} />}
      <p class="muted">Saisissez le code dans « Bons de réduction » au récapitulatif de votre commande.</p>
    </>
  );
}

export function StaffVouchersPage(props: {
  vouchers: VoucherRow[];
  communes: { value: string; label: string }[];
  products: { value: string; label: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  message?: string | null;
}) {
  const { vouchers, communes, products, values = {}, errors = {}, message } = props;
  return (
    <>
      <h1>Bons de réduction</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {vouchers.length === 0 ? <p>Aucun bon de réduction.</p> : <VoucherTable vouchers={vouchers} />}
      <h2>Créer un bon de réduction</h2>
      <form method="post" action="/agent/bons" novalidate>
        <ErrorSummary errors={errors} labels={{ code: 'Code', label: 'Libellé', kind: 'Type', value: 'Valeur', valid_from: 'Valable du', valid_until: 'Valable jusqu’au', min_order: 'Commande minimale', max_uses: 'Utilisations en tout', max_uses_per_family: 'Utilisations par famille', commune: 'Commune' }} />
        <Field name="code" label="Code" required value={values.code} error={errors.code} hint="3 à 30 lettres, chiffres ou tirets, par exemple RENTREE-2027." />
        <Field name="label" label="Libellé" required value={values.label} error={errors.label} />
        <SelectField name="kind" label="Type" required value={values.kind} error={errors.kind} options={[{ value: 'amount', label: 'Montant (€)' }, { value: 'percent', label: 'Pourcentage (%)' }]} />
        <Field name="value" label="Valeur" required value={values.value} error={errors.value} hint="En euros (5,00) ou en pourcentage (10)." />
        <Field name="valid_from" label="Valable du" type="date" required value={values.valid_from} error={errors.valid_from} />
        <Field name="valid_until" label="Valable jusqu’au" type="date" required value={values.valid_until} error={errors.valid_until} />
        <Field name="min_order" label="Commande minimale (€)" value={values.min_order} error={errors.min_order} />
        <Field name="max_uses" label="Utilisations en tout" value={values.max_uses} error={errors.max_uses} hint="Vide : sans limite." />
        <Field name="max_uses_per_family" label="Utilisations par famille" value={values.max_uses_per_family ?? '1'} error={errors.max_uses_per_family} hint="Vide : sans limite." />
        <SelectField name="commune" label="Commune" required value={values.commune} error={errors.commune} options={communes} />
        <SelectField name="produit" label="Produit" value={values.produit} error={errors.produit} options={[{ value: '', label: 'Tous les produits de la commune' }, ...products]} />
        <button class="button" type="submit">
          Créer le bon
        </button>
      </form>
    </>
  );
}

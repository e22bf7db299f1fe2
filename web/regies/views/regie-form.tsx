// The régie's settings form (administrators): name, communes, régisseur and deputies, the methods
// its act allows, Paybox and PayFiP settings, the PES codes. The HMAC key is write-only: the form
// says whether one is stored and offers a field to replace it, never shows it.
import { METHOD_LABELS, REGIE_METHODS } from '../../../domain/regies.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { ErrorSummary, Field, FieldError, SelectField } from '../../forms/fields.tsx';
import { REGIE_FIELD_LABELS, type RegieFormValues } from '../regie-form.ts';

export interface RegieFormProps {
  action: string;
  form: RegieFormValues;
  errors: FieldErrors;
  communes: { id: number; name: string }[];
  staff: { id: number; name: string; communeIds: number[] }[];
  hasHmacKey: boolean;
  hasDirectKey: boolean;
  submit: string;
}

function Checkboxes(props: { name: string; legend: string; options: { value: string; label: string }[]; chosen: string[]; error?: string | undefined }) {
  const { name, legend, options, chosen, error } = props;
  return (
    <fieldset id={name} class={error ? 'field field--error' : 'field'} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError name={name} error={error} />
      {options.length === 0 ? <p>Aucun agent dans ces communes.</p> : null}
      {options.map((option) => (
        <div class="checkbox">
          <input type="checkbox" id={`${name}-${option.value}`} name={name} value={option.value} checked={chosen.includes(option.value)} />
          <label for={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function RegieForm({ action, form, errors, communes, staff, hasHmacKey, hasDirectKey, submit }: RegieFormProps) {
  const { values, lists } = form;
  const communeName = (id: number) => communes.find((c) => c.id === id)?.name ?? '';
  const staffOptions = staff.map((s) => ({ value: String(s.id), label: `${s.name} (${s.communeIds.map(communeName).filter(Boolean).join(', ')})` }));
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} labels={REGIE_FIELD_LABELS} />
      <Field name="nom" label={REGIE_FIELD_LABELS.nom!} required value={values.nom} error={errors.nom} autocomplete="off" />
      <Checkboxes name="communes" legend="Communes de la régie" options={communes.map((c) => ({ value: String(c.id), label: c.name }))} chosen={lists.communes} error={errors.communes} />
      <SelectField name="regisseur" label="Régisseur (il clôt les journées)" options={staffOptions} value={values.regisseur} error={errors.regisseur} placeholder="Aucun pour l’instant" />
      <Checkboxes name="suppleants" legend="Suppléants (ils peuvent aussi clore les journées)" options={staffOptions} chosen={lists.suppleants} error={errors.suppleants} />
      <Checkboxes name="moyens" legend="Moyens de paiement autorisés par l’acte constitutif" options={REGIE_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} chosen={lists.moyens} error={errors.moyens} />

      <h3>Paybox</h3>
      <Field name="paybox_site" label="Numéro de site (7 chiffres)" value={values.paybox_site} error={errors.paybox_site} autocomplete="off" extra={{ inputmode: 'numeric' }} />
      <Field name="paybox_rang" label="Rang (2 chiffres)" value={values.paybox_rang} error={errors.paybox_rang} autocomplete="off" extra={{ inputmode: 'numeric' }} />
      <Field name="paybox_identifiant" label="Identifiant" value={values.paybox_identifiant} error={errors.paybox_identifiant} autocomplete="off" extra={{ inputmode: 'numeric' }} />
      <Field
        name="paybox_cle"
        label={hasHmacKey ? 'Remplacer la clé HMAC (128 caractères hexadécimaux)' : 'Clé HMAC (128 caractères hexadécimaux)'}
        type="password"
        hint={hasHmacKey ? 'Clé enregistrée : elle n’est jamais affichée. Laissez vide pour la garder.' : 'Aucune clé enregistrée. Elle ne sera plus affichée une fois enregistrée.'}
        error={errors.paybox_cle}
        autocomplete="new-password"
      />
      <Field
        name="paybox_direct"
        label={hasDirectKey ? 'Remplacer la clé Paybox Direct (remboursements sur la carte)' : 'Clé Paybox Direct (remboursements sur la carte)'}
        type="password"
        hint={hasDirectKey ? 'Clé enregistrée : elle n’est jamais affichée. Laissez vide pour la garder.' : 'Aucune clé enregistrée. Elle ne sera plus affichée une fois enregistrée.'}
        error={errors.paybox_direct}
        autocomplete="new-password"
      />

      <h3>PayFiP</h3>
      <Field name="payfip_numcli" label="Numéro client (6 chiffres)" value={values.payfip_numcli} error={errors.payfip_numcli} autocomplete="off" extra={{ inputmode: 'numeric' }} />
      <SelectField
        name="payfip_saisie"
        label="Mode"
        required
        options={[{ value: 'T', label: 'T – test' }, { value: 'X', label: 'X – activation' }, { value: 'W', label: 'W – production' }]}
        value={values.payfip_saisie ?? 'T'}
        error={errors.payfip_saisie}
      />

      <h3>Fichier PES pour le comptable public</h3>
      <Field name="pes_id_post" label={REGIE_FIELD_LABELS.pes_id_post!} value={values.pes_id_post} error={errors.pes_id_post} autocomplete="off" />
      <Field name="pes_id_coll" label={REGIE_FIELD_LABELS.pes_id_coll!} value={values.pes_id_coll} error={errors.pes_id_coll} autocomplete="off" extra={{ inputmode: 'numeric' }} />
      <Field name="pes_cod_col" label={REGIE_FIELD_LABELS.pes_cod_col!} value={values.pes_cod_col} error={errors.pes_cod_col} autocomplete="off" />
      <Field name="pes_cod_bud" label={REGIE_FIELD_LABELS.pes_cod_bud!} value={values.pes_cod_bud} error={errors.pes_cod_bud} autocomplete="off" />
      <button class="button" type="submit">
        {submit}
      </button>
    </form>
  );
}

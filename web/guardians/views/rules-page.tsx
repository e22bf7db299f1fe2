// The billing rules of a shared child, per product: those in force, those waiting for the other
// guardian's answer (accept, refuse, or withdraw one's own), a new proposal, and the end of the
// sharing.
import type { Dependant } from '../../../db/database.ts';
import { formatLongDate } from '../../../domain/dates.ts';
import type { ChildGuardian } from '../../../db/queries/guardians/index.ts';
import { guardianName } from '../../../db/queries/guardians/index.ts';
import type { CustodyRuleRow } from '../../../db/queries/guardians/custody-rules.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';

export interface RulesPageProps {
  child: Dependant;
  guardians: ChildGuardian[];
  selfId: number;
  rules: CustodyRuleRow[];
  products: { id: number; name: string }[];
  message?: string | null;
  /** An answer to a proposal that could not be given (answered meanwhile, withdrawn). */
  answerError?: string | undefined;
  values?: FormValues;
  errors?: FieldErrors;
}

const labels = { produit: 'Activité', regle: 'Règle', part: 'Part payée (%)', lundi: 'Lundi d’une semaine de référence', semaine_de: 'Cette semaine-là est celle de' };

/** A rule in words, each guardian named. */
export function ruleText(rule: CustodyRuleRow, guardians: ChildGuardian[], selfId: number): string {
  const name = (id: number | null) => (id === selfId ? 'vous' : guardianName(guardians.find((g) => g.id === id) ?? { firstName: null, lastName: null }));
  const first = guardians.find((g) => g.first);
  const second = guardians.find((g) => !g.first);
  if (rule.rule === 'split') return `partage : ${name(first?.id ?? null)} ${rule.first_share_percent} %, ${name(second?.id ?? null)} ${100 - rule.first_share_percent!} %`;
  if (rule.rule === 'alternate') return `semaines alternées : la semaine du ${formatLongDate(rule.reference_monday!)} est ${rule.reference_guardian_id === selfId ? 'la vôtre' : `celle de ${name(rule.reference_guardian_id)}`}, puis une semaine sur deux`;
  return 'chacun paie ce qu’il réserve';
}

export function RulesPage({ child, guardians, selfId, rules, products, message, answerError, values = {}, errors = {} }: RulesPageProps) {
  const agreed = rules.filter((r) => r.state === 'agreed');
  const pending = rules.filter((r) => r.state === 'pending');
  const other = guardians.find((g) => g.id !== selfId);
  // The share is stored as the first guardian's; the label names that person, whom « premier » would not tell.
  const firstGuardian = guardians.find((g) => g.first);
  const partLabel = `Part payée par ${!firstGuardian || firstGuardian.id === selfId ? 'vous' : guardianName(firstGuardian)} (%)`;
  return (
    <>
      <p>
        <a href={`/mon-compte/garde-partagee/${child.id}`}>← Garde partagée de {child.first_name}</a>
      </p>
      <h1>Règles de paiement pour {child.first_name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>Sans règle acceptée par vous deux, chacun paie ce qu’il réserve. Une règle proposée s’applique une fois que l’autre responsable l’a acceptée.</p>
      <h2>Règles en vigueur</h2>
      {agreed.length === 0 ? (
        <p>Aucune : chacun paie ce qu’il réserve, pour toutes les activités.</p>
      ) : (
        <ul>
          {agreed.map((rule) => (
            <li>
              <strong>{rule.product}</strong> : {ruleText(rule, guardians, selfId)}.
              {rule.rule === 'split' ? ' Le partage est enregistré ; pour l’instant chacun paie encore ce qu’il réserve.' : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>Propositions en attente</h2>
      {answerError ? <Notice kind="warning">{answerError}</Notice> : null}
      {pending.length === 0 ? (
        <p>Aucune.</p>
      ) : (
        <ul>
          {pending.map((rule) => (
            <li>
              <strong>{rule.product}</strong> : {ruleText(rule, guardians, selfId)}, proposée par {rule.proposed_by === selfId ? 'vous' : guardianName(other ?? { firstName: null, lastName: null })}.
              <form method="post" action={`/mon-compte/garde-partagee/${child.id}/regles/reponse`} class="inline-form">
                <input type="hidden" name="proposition" value={String(rule.id)} />
                {rule.proposed_by === selfId ? (
                  <button type="submit" name="reponse" value="retirer" class="button button--secondary">
                    Retirer la proposition<span class="visually-hidden"> pour {rule.product}</span>
                  </button>
                ) : (
                  <>
                    <button type="submit" name="reponse" value="accepter" class="button">
                      Accepter<span class="visually-hidden"> la règle pour {rule.product}</span>
                    </button>{' '}
                    <button type="submit" name="reponse" value="refuser" class="button button--secondary">
                      Refuser<span class="visually-hidden"> la règle pour {rule.product}</span>
                    </button>
                  </>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Proposer une règle</h2>
      <form method="post" action={`/mon-compte/garde-partagee/${child.id}/regles`} novalidate>
        <ErrorSummary errors={errors} labels={{ ...labels, part: partLabel }} />
        <SelectField name="produit" label={labels.produit} required options={products.map((p) => ({ value: String(p.id), label: p.name }))} value={values.produit} error={errors.produit} placeholder="Choisissez" />
        <SelectField
          name="regle"
          label={labels.regle}
          required
          options={[
            { value: 'each', label: 'Chacun paie ce qu’il réserve' },
            { value: 'alternate', label: 'Semaines alternées' },
            { value: 'split', label: 'Partage par pourcentage' },
          ]}
          value={values.regle}
          error={errors.regle}
          placeholder="Choisissez"
        />
        <Field name="lundi" type="date" label={labels.lundi} hint="Semaines alternées seulement." value={values.lundi} error={errors.lundi} />
        <SelectField name="semaine_de" label={labels.semaine_de} options={guardians.map((g) => ({ value: String(g.id), label: g.id === selfId ? 'Vous' : guardianName(g) }))} value={values.semaine_de} error={errors.semaine_de} placeholder="Choisissez" />
        <Field name="part" label={partLabel} hint="Partage par pourcentage seulement : de 1 à 99." value={values.part} error={errors.part} extra={{ inputmode: 'numeric' }} />
        <button class="button" type="submit">
          Proposer
        </button>
      </form>
      <h2>Mettre fin à la garde partagée</h2>
      <p>
        {child.first_name} n’aura plus qu’un responsable sur la plateforme : {guardians.find((g) => g.first)?.id === selfId ? 'vous' : guardianName(guardians.find((g) => g.first) ?? { firstName: null, lastName: null })}. Les jours
        déjà réservés et payés restent à chacun ; les règles prennent fin.
      </p>
      <form method="post" action={`/mon-compte/garde-partagee/${child.id}/fin`}>
        <button type="submit" class="button button--secondary">
          Mettre fin à la garde partagée
        </button>
      </form>
    </>
  );
}

// Staff: « Clôture de la journée » of a régie: the days left open, the oldest's figures per method
// (the journal against the providers or the till), the régisseur's counts and note, the
// confirmation before the day is locked, and the days already closed with their totals.
import type { ClosedDay, DayFigures, StaffRegie } from '../../../db/queries/regies/closing.ts';
import { formatLongDate, formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { COUNTED_FIELDS, countedLabel, isCounted } from '../../../domain/regie-closing.ts';
import { METHOD_LABELS, type CounterMethod, type RegieMethod } from '../../../domain/regies.ts';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { ErrorSummary, Field, FieldError, Notice, TextArea } from '../../forms/fields.tsx';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';

const checkWords = { provider: 'Confirmé par le prestataire', counted: 'Compté', books: 'Au journal seulement' } as const;

function RegieLinks({ regie }: { regie: StaffRegie }) {
  return (
    <p>
      <a href="/agent/regies">← Régies</a> · <a href={`/agent/regies/${regie.id}/releves`}>Relevés mensuels et fichier PES</a>
    </p>
  );
}

function FiguresTable({ figures, caption }: { figures: DayFigures; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Mode de paiement</th>
          <th scope="col">Recettes</th>
          <th scope="col">Remboursements</th>
          <th scope="col">Solde au journal</th>
          <th scope="col">Contrôle</th>
        </tr>
      </thead>
      <tbody>
        {figures.methods.map((figure) => (
          <tr>
            <th scope="row">{METHOD_LABELS[figure.method]}</th>
            <td>{formatEuros(figure.receiptsCents)}</td>
            <td>{formatEuros(figure.refundsCents)}</td>
            <td>{formatEuros(figure.journalCents)}</td>
            <td>{figure.confirmedCents === null ? 'À compter ci-dessous' : `${checkWords[figure.check]} : ${formatEuros(figure.confirmedCents)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Documents({ figures }: { figures: DayFigures }) {
  if (figures.documents.length === 0) return null;
  return (
    <table>
      <caption>Chèques, CESU et chèques vacances reçus</caption>
      <thead>
        <tr>
          <th scope="col">N° au journal</th>
          <th scope="col">Mode</th>
          <th scope="col">Numéro du titre</th>
          <th scope="col">Payeur</th>
          <th scope="col">Montant</th>
        </tr>
      </thead>
      <tbody>
        {figures.documents.map((document) => (
          <tr>
            <td>{document.number}</td>
            <td>{METHOD_LABELS[document.method]}</td>
            <td>{document.documentNumber ?? '—'}</td>
            <td>{document.payer}</td>
            <td>{formatEuros(document.amountCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const counted = (figures: DayFigures) => figures.methods.filter((figure) => isCounted(figure.method));

export function closingLabels(figures: DayFigures | null): Record<string, string> {
  const labels: Record<string, string> = { jour: 'Journée' };
  for (const figure of figures ? counted(figures) : []) labels[COUNTED_FIELDS[figure.method as keyof typeof COUNTED_FIELDS]] = countedLabel(figure.method as CounterMethod);
  labels.note = 'Note de clôture';
  return labels;
}

function ClosedDays({ closed }: { closed: ClosedDay[] }) {
  if (closed.length === 0) return <p>Aucune journée n’est encore clôturée.</p>;
  return (
    <table>
      <caption>Journées clôturées (verrouillées), les plus récentes d’abord</caption>
      <thead>
        <tr>
          <th scope="col">Journée</th>
          <th scope="col">Totaux (journal / contrôle)</th>
          <th scope="col">Clôturée par</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {closed.map((closing) => (
          <tr>
            <th scope="row">
              <span aria-hidden="true">🔒 </span>
              {formatShortDate(closing.day)}
            </th>
            <td>
              {Object.entries(closing.totals).length === 0
                ? 'Aucun montant'
                : Object.entries(closing.totals).map(([method, total]) => (
                    <div>
                      {METHOD_LABELS[method as RegieMethod]} : {formatEuros(total.journalCents)} / {formatEuros(total.checkedCents)}
                    </div>
                  ))}
            </td>
            <td>{closing.closedBy}</td>
            <td>{closing.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClosingPage(props: {
  regie: StaffRegie;
  open: { day: string; entries: number }[];
  figures: DayFigures | null;
  closed: ClosedDay[];
  message: string | null;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { regie, open, figures, closed, message, values = {}, errors = {} } = props;
  const canClose = regie.role !== null;
  const labels = closingLabels(figures);
  return (
    <>
      <RegieLinks regie={regie} />
      <h1>Clôture de la journée – {regie.name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      {errors.jour ? <Notice kind="warning">{errors.jour}</Notice> : null}
      {!canClose ? (
        <Notice>
          <p>Seuls le régisseur et ses suppléants clôturent les journées de cette régie : vous voyez ses chiffres sans pouvoir la clôturer.</p>
        </Notice>
      ) : null}
      <h2>Journées à clôturer</h2>
      {open.length === 0 ? (
        <p>Aucune journée n’est à clôturer : chaque journée qui a des écritures est clôturée.</p>
      ) : (
        <>
          <p>Les journées se clôturent dans l’ordre, la plus ancienne d’abord.</p>
          <ul>
            {open.map((day) => (
              <li>
                {formatLongDate(day.day)} : {day.entries} {day.entries > 1 ? 'écritures' : 'écriture'}
              </li>
            ))}
          </ul>
        </>
      )}
      {figures ? (
        <section aria-labelledby="journee">
          <h2 id="journee">{formatLongDate(figures.day)}</h2>
          <FiguresTable figures={figures} caption="Par mode de paiement : le journal et son contrôle" />
          <Documents figures={figures} />
          {figures.providerDifferences.length > 0 ? (
            <Notice kind="warning">
              <p>
                <strong>Écarts avec les prestataires de paiement :</strong>
              </p>
              <ul>
                {figures.providerDifferences.map((difference) => (
                  <li>{difference}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          {canClose ? (
            <form method="post" action={`/agent/regies/${regie.id}/cloture`} novalidate>
              <input type="hidden" name="jour" value={figures.day} />
              {counted(figures).map((figure) => {
                const name = COUNTED_FIELDS[figure.method as keyof typeof COUNTED_FIELDS];
                return (
                  <Field
                    name={name}
                    label={labels[name]!}
                    value={values[name]}
                    error={errors[name]}
                    required
                    hint={`Au journal : ${formatEuros(figure.journalCents)}. Indiquez 0 s’il n’y a rien.`}
                    extra={{ inputmode: 'decimal' }}
                  />
                );
              })}
              <TextArea name="note" label="Note de clôture (obligatoire en cas d’écart)" value={values.note} error={errors.note} />
              <FieldError name="membre" error={errors.membre} />
              <button class="button" type="submit">
                Vérifier et clôturer la journée
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <h2>Journées clôturées</h2>
      <ClosedDays closed={closed} />
    </>
  );
}

export function ClosingConfirmationPage(props: {
  regie: StaffRegie;
  figures: DayFigures;
  totals: { method: RegieMethod; journalCents: number; checkedCents: number }[];
  differences: string[];
  note: string | null;
  values: FormValues;
}) {
  const { regie, figures, totals, differences, note, values } = props;
  return (
    <>
      <RegieLinks regie={regie} />
      <h1>Clôturer le {formatLongDate(figures.day)} ?</h1>
      <p>Une fois clôturée, la journée est verrouillée : les écritures qui arrivent ensuite vont à la journée suivante.</p>
      <table>
        <caption>Totaux enregistrés par la clôture</caption>
        <thead>
          <tr>
            <th scope="col">Mode de paiement</th>
            <th scope="col">Journal</th>
            <th scope="col">Contrôle</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr>
              <th scope="row">{METHOD_LABELS[total.method]}</th>
              <td>{formatEuros(total.journalCents)}</td>
              <td>{formatEuros(total.checkedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {differences.length === 0 ? (
        <Notice kind="success">
          <p>Les totaux concordent.</p>
        </Notice>
      ) : (
        <Notice kind="warning">
          <p>
            <strong>Écarts constatés :</strong>
          </p>
          <ul>
            {differences.map((difference) => (
              <li>{difference}</li>
            ))}
          </ul>
        </Notice>
      )}
      {note ? <p>Note : {note}</p> : null}
      <ConfirmationForm action={`/agent/regies/${regie.id}/cloture`} fields={Object.entries(values).filter(([name]) => name !== 'confirmation')} />
    </>
  );
}

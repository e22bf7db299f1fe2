// Staff: an order's page: its family, state, amounts, card payment with the provider's references
// and its process in the Temporal UI; its card refunds (asked of the provider, done, refused with
// the reason, to try again or give to the wallet); its lines, of which staff cancel some or all
// with a reason, refunded to the wallet or to the card.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { staffOrder } from '../../../db/queries/orders/staff-orders.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ErrorSummary, Field, FieldError, Notice } from '../../forms/fields.tsx';
import { stateWords } from './staff.tsx';
import { CardRefundItem } from './card-refund-item.tsx';

type Detail = NonNullable<Awaited<ReturnType<typeof staffOrder>>>;

const labels = { reservation: 'Réservations à annuler', motif: 'Motif', rembourser: 'Remboursement', reference: 'Référence du virement de remboursement de la régie' };

export function OrderDetailPage(props: { detail: Detail; temporalUi: string; message: string | null; errors?: FieldErrors | undefined; values?: FormValues | undefined; checked?: string[] | undefined }) {
  const { detail, temporalUi, message, errors = {}, values = {}, checked = [] } = props;
  const { order, lines, otherLines, cardRefunds } = detail;
  const cancellable = lines.filter((line) => line.reservation_state === 'confirmed');
  const cardPaid = order.card_state === 'paid';
  // PayFiP has no refund of its own: the régie refunds by transfer, and staff say its reference.
  const byTransfer = order.card_provider === 'payfip';
  const refundTo = values.rembourser ?? 'porte-monnaie';
  return (
    <>
      <p>
        <a href="/agent/commandes">← Commandes</a>
      </p>
      <h1>Commande {order.number}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ul>
        <li>Famille : {[order.first_name, order.last_name].filter(Boolean).join(' ') || order.email} ({order.email})</li>
        <li>État : {stateWords[order.state] ?? order.state}{order.abandon_reason ? ` (${order.abandon_reason})` : ''}</li>
        <li>
          Total {formatEuros(order.total_cents)}
          {order.discount_cents > 0 ? `, bon de réduction −${formatEuros(order.discount_cents)}` : ''} ; porte-monnaie {formatEuros(order.wallet_cents)}, carte {formatEuros(order.card_cents)}
        </li>
        {order.card_reference ? (
          <li>
            Paiement par carte : référence {order.card_reference}, {order.card_state}
            {order.provider_transaction ? `, transaction ${order.provider_transaction}` : ''}
            {order.provider_error ? `, code ${order.provider_error}` : ''}
          </li>
        ) : null}
        <li>
          <a href={`${temporalUi}/namespaces/default/workflows/order-${order.number}`}>Le processus order-{order.number} dans Temporal</a>
        </li>
      </ul>
      <FieldError name="remboursement" error={errors.remboursement} />
      <FieldError name="suite" error={errors.suite} />
      {cardRefunds.length > 0 ? (
        <>
          <h2>Remboursements sur la carte</h2>
          <ul>
            {cardRefunds.map((refund) => (
              <CardRefundItem number={order.number} refund={refund} />
            ))}
          </ul>
        </>
      ) : null}
      <h2>Lignes</h2>
      <form method="post" action={`/agent/commandes/${order.number}/annuler`} novalidate>
        <ErrorSummary errors={errors} labels={labels} />
        <table>
          <caption class="visually-hidden">Lignes de la commande</caption>
          <thead>
            <tr>
              <th scope="col">Annuler</th>
              <th scope="col">Enfant</th>
              <th scope="col">Activité</th>
              <th scope="col">Jour</th>
              <th scope="col">Prix</th>
              <th scope="col">Réservation</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr>
                <td>
                  {line.reservation_state === 'confirmed' ? (
                    <>
                      <input type="checkbox" id={`reservation-${line.reservation_id}`} name="reservation" value={String(line.reservation_id)} checked={checked.includes(String(line.reservation_id))} />
                      <label for={`reservation-${line.reservation_id}`} class="visually-hidden">
                        Annuler {line.first_name}, {formatShortDate(line.service_date)}
                      </label>
                    </>
                  ) : null}
                </td>
                <td>
                  {line.first_name} {line.last_name}
                </td>
                <td>
                  {line.product} – {line.prestation}
                </td>
                <td>{formatShortDate(line.service_date)}</td>
                <td>{formatEuros(line.price_cents)}</td>
                <td>{line.reservation_state === 'confirmed' ? 'Confirmée' : line.reservation_state === 'cancelled' ? 'Annulée' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {otherLines > 0 ? <p>{otherLines === 1 ? 'Une autre ligne de cette commande concerne une autre commune : elle ne vous est pas montrée.' : `${otherLines} autres lignes de cette commande concernent d’autres communes : elles ne vous sont pas montrées.`}</p> : null}
        {cancellable.length === 0 ? (
          <p>Aucune réservation à annuler.</p>
        ) : (
          <fieldset class="choice">
            <legend>Annuler et rembourser</legend>
            <FieldError name="reservation" error={errors.reservation} />
            <Field name="motif" label="Motif (dit à la famille par mail et dans son historique)" required value={values.motif} error={errors.motif} extra={{ maxlength: '200' }} />
            <fieldset class={errors.rembourser ? 'field field--error' : 'field'}>
              <legend>{labels.rembourser}</legend>
              <FieldError name="rembourser" error={errors.rembourser} />
              <div class="radio">
                <input type="radio" id="rembourser-porte-monnaie" name="rembourser" value="porte-monnaie" checked={refundTo !== 'carte'} />
                <label for="rembourser-porte-monnaie">Sur le porte-monnaie de la famille</label>
              </div>
              {cardPaid ? (
                <div class="radio">
                  <input type="radio" id="rembourser-carte" name="rembourser" value="carte" checked={refundTo === 'carte'} />
                  <label for="rembourser-carte">
                    {byTransfer
                      ? 'Sur le compte de la famille, par virement de la régie (PayFiP ne rembourse pas lui-même ; au plus ce que le paiement a pris, le reste au porte-monnaie)'
                      : 'Sur la carte bancaire (demandé à Paybox une fois confirmé ; au plus ce que la carte a payé, le reste au porte-monnaie)'}
                  </label>
                </div>
              ) : null}
            </fieldset>
            {cardPaid && byTransfer ? <Field name="reference" label={labels.reference} hint="Seulement pour un remboursement sur le compte de la famille." value={values.reference} error={errors.reference} extra={{ maxlength: '60' }} /> : null}
            <p>La page suivante dit ce qui sera annulé et remboursé, et où : rien n'est fait avant de confirmer.</p>
            <div class="form-actions">
              <button class="button button--secondary" type="submit">
                Annuler les réservations cochées
              </button>
              <button class="button button--secondary" type="submit" name="tout" value="1">
                Annuler toute la commande ({cancellable.length})
              </button>
            </div>
          </fieldset>
        )}
      </form>
    </>
  );
}

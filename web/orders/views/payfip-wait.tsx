// The moment between « Payer par PayFiP » and PayFiP's page: the operation is being created at the
// DGFiP's web service. htmx asks again every 2 s (and is sent on once it exists); without
// JavaScript the page refreshes itself, and a link does the same.
import { Notice } from '../../forms/fields.tsx';
import { formatEuros } from '../../../domain/money.ts';

export function PayfipWaitPage(props: { number: string; amountCents: number; poll: string }) {
  return (
    <section class="narrow" id="payfip-wait" hx-get={props.poll} hx-trigger="every 2s" hx-select="#payfip-wait" hx-swap="outerHTML">
      <h1>Commande {props.number} : paiement par PayFiP</h1>
      <Notice kind="info">
        Nous préparons votre paiement de {formatEuros(props.amountCents)} sur PayFiP, le service de paiement de la Direction générale des Finances publiques. Vous y serez conduit dans un instant.
      </Notice>
      <p>
        <a class="button" href={props.poll}>
          Continuer vers PayFiP
        </a>
      </p>
    </section>
  );
}

// The order's outcome page (confirmed, not completed, or still being paid: then it polls), and the
// terms of sale the fourth step links to.
import { Notice } from '../../forms/fields.tsx';
import { formatParisWeekdayHour } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { Recap } from './steps.tsx';

/** A payment refused while the order may still be paid: why, until when its places are kept, and the wallet that could pay it. */
export interface PaymentRefusal {
  reason: string;
  until: Date;
  walletCents: number;
  dueCents: number;
}

export function OrderResultPage(props: {
  number: string;
  status: string;
  recap: Omit<Parameters<typeof Recap>[0], 'caption'> | null;
  abandonReason: string | null;
  refusal: PaymentRefusal | null;
  /** The page's path while the payment is under way: htmx asks for it again every 2 s. */
  poll: string | null;
}) {
  const { number, status, recap, poll } = props;
  return (
    <section id="order-result" {...(poll ? { 'hx-get': poll, 'hx-trigger': 'every 2s', 'hx-select': '#order-result', 'hx-swap': 'outerHTML' } : {})}>
      {status === 'paid' ? (
        <>
          <h1>Commande {number} confirmée</h1>
          <Notice kind="success">Votre paiement est reçu et vos réservations sont enregistrées. Un courriel de confirmation vous a été envoyé.</Notice>
          {recap ? <Recap {...recap} caption={`Commande ${number}`} /> : null}
          <p class="actions">
            <a class="button" href="/mon-compte/e-billets">
              Voir mes e-billets
            </a>{' '}
            <a href="/mon-compte/reservations">Mes réservations</a>
          </p>
        </>
      ) : props.refusal ? (
        <RefusedPayment number={number} refusal={props.refusal} />
      ) : status === 'abandoned' ? (
        <>
          <h1>Commande {number} non aboutie</h1>
          <Notice kind="warning">Le paiement n'a pas abouti ({props.abandonReason}). Les places ont été libérées et rien ne vous a été prélevé.</Notice>
        </>
      ) : (
        <>
          <h1>Commande {number} : paiement en cours</h1>
          <Notice kind="info">Nous attendons la confirmation du paiement. Cette page se met à jour toute seule.</Notice>
        </>
      )}
    </section>
  );
}

/** The card refused (or the wallet short): the places still held, another try or the wallet at hand. */
function RefusedPayment({ number, refusal }: { number: string; refusal: PaymentRefusal }) {
  return (
    <>
      <h1>Commande {number} : paiement non abouti</h1>
      <Notice kind="warning">
        Le paiement n'a pas abouti ({refusal.reason}). Vos places restent réservées pour vous jusqu'au {formatParisWeekdayHour(refusal.until)} : vous pouvez payer à nouveau. Si
        votre banque confirmait plus tard ce paiement, son montant serait versé sur votre porte-monnaie.
      </Notice>
      <p class="actions">
        <a class="button" href={`/commande/${number}/paiement`}>
          Réessayer le paiement
        </a>
      </p>
      {refusal.walletCents >= refusal.dueCents ? (
        <form method="post" action={`/commande/${number}/paiement`}>
          <p>Votre porte-monnaie couvre le total ({formatEuros(refusal.dueCents)}, solde {formatEuros(refusal.walletCents)}).</p>
          <button class="button button--secondary" type="submit" name="porte_monnaie" value="tout">
            Payer avec mon porte-monnaie
          </button>
        </form>
      ) : refusal.walletCents > 0 ? (
        <p>Votre porte-monnaie ({formatEuros(refusal.walletCents)}) peut payer une partie du total : choisissez-le à l'étape du paiement.</p>
      ) : null}
    </>
  );
}

export function TermsOfSalePage() {
  return (
    <section class="narrow">
      <h1>Conditions générales de vente</h1>
      <p>Les prestations réservées sur la plateforme Citoyens sont fournies par les communes de la Communauté d'Agglomération du Puy-en-Velay, aux tarifs affichés, toutes taxes comprises.</p>
      <p>La réservation n'est définitive qu'une fois le paiement confirmé. Une réservation peut être annulée jusqu'à la date limite de réservation du jour concerné ; son montant est alors rendu sur le porte-monnaie.</p>
      <p>Les paiements par carte sont traités par le prestataire de paiement de la collectivité ; aucune donnée de carte n'est conservée par la plateforme.</p>
      <p>Pour toute question, contactez la mairie de votre commune.</p>
    </section>
  );
}

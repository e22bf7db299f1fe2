// Staff: the tableau de bord. What waits for a decision, today's and tomorrow's services with
// their places, how full each product is over the next four weeks, and every back-office section.
import type { ServiceLoad } from '../../../db/queries/dashboard/dashboard.ts';
import { formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import type { WeeklyReceipts } from '../../../db/queries/regies/index.ts';
import { LoadChart } from './load-chart.tsx';
import { TreasuryChart } from './treasury-chart.tsx';

export interface DashboardProps {
  waiting: { accounts: number; subscriptions: number; payments: number; requests: number; documents: number; erasures: number; absences: number };
  today: IsoDate;
  tomorrow: IsoDate;
  load: ServiceLoad[];
  /** The next service day when today and tomorrow have none, with its services. */
  next: { day: IsoDate; load: ServiceLoad[] } | null;
  /** Administrators also manage the staff accounts. */
  admin: boolean;
  /** Money the staff's régies received, per week (Mondays) and method. */
  treasury: { weeks: IsoDate[]; receipts: WeeklyReceipts[] };
}

const sections = [
  ['/agent/validations', 'Comptes à valider'],
  ['/agent/services', 'Demandes de services'],
  ['/agent/services/offres', 'Services proposés'],
  ['/agent/familles', 'Familles'],
  ['/agent/pieces', 'Pièces à examiner'],
  ['/agent/commandes', 'Commandes'],
  ['/agent/catalogue', 'Catalogue'],
  ['/agent/presences', 'Présences et pointage'],
  ['/agent/cuisine', 'Effectifs cuisine'],
  ['/agent/fermetures', 'Fermetures exceptionnelles'],
  ['/agent/demarches', 'Démarches en ligne'],
  ['/agent/absences', 'Absences à examiner'],
  ['/agent/inscriptions', 'Dossiers annuels'],
  ['/agent/bons', 'Bons de réduction'],
  ['/agent/paiements', 'Paiements à vérifier'],
  ['/agent/regies', 'Régies de recettes'],
  ['/agent/effacements', 'Demandes d’effacement (RGPD)'],
  ['/agent/journal', 'Journal des actions'],
] as const;

function DayServices({ day, load, heading }: { day: IsoDate; load: ServiceLoad[]; heading?: string }) {
  const services = load.filter((l) => l.day === day);
  return (
    <section aria-labelledby={`jour-${day}`}>
      <h3 id={`jour-${day}`}>
        {heading ?? ''}
        {formatLongDate(day)}
      </h3>
      {services.length === 0 ? (
        <p>Aucun service.</p>
      ) : (
        <ul>
          {services.map((s) => (
            <li>
              <a href={`/agent/presences/${s.productId}?jour=${day}`}>
                {s.product} – {s.commune}
              </a>{' '}
              : {s.booked} / {s.capacity} places
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage({ waiting, today, tomorrow, load, next, admin, treasury }: DashboardProps) {
  const products = new Map<number, ServiceLoad[]>();
  for (const row of load) products.set(row.productId, [...(products.get(row.productId) ?? []), row]);
  return (
    <>
      <h1>Tableau de bord</h1>
      <nav aria-label="Sections de l'espace agents">
        <ul class="link-list link-list--inline">
          {[...sections, ...(admin ? ([['/agent/agents', 'Agents']] as const) : [])].map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <h2>À traiter</h2>
      <ul>
        <li>
          <a href="/agent/validations">{waiting.accounts} compte(s) à valider</a>
        </li>
        <li>
          <a href="/agent/services">{waiting.subscriptions} demande(s) de services</a>
        </li>
        <li>
          <a href="/agent/pieces">{waiting.documents} pièce(s) justificative(s) à examiner</a>
        </li>
        <li>
          <a href="/agent/demarches">{waiting.requests} démarche(s) en ligne à traiter</a>
        </li>
        <li>
          <a href="/agent/absences">{waiting.absences} absence(s) pour maladie à examiner</a>
        </li>
        <li>
          <a href="/agent/paiements">{waiting.payments} paiement(s) à vérifier</a>
        </li>
        <li>
          <a href="/agent/effacements">{waiting.erasures} solde(s) à rembourser avant un effacement RGPD</a>
        </li>
      </ul>

      <h2>Aujourd'hui et demain</h2>
      <DayServices day={today} load={load} />
      <DayServices day={tomorrow} load={load} />
      {next ? <DayServices day={next.day} load={next.load} heading="Prochain service : " /> : null}
      {next === null && !load.some((row) => row.day === today || row.day === tomorrow) ? <p>Aucun service à venir dans vos communes.</p> : null}

      <h2>Trésorerie des régies : les dix dernières semaines</h2>
      <p>
        L’argent reçu par les <a href="/agent/regies">régies de vos communes</a>, semaine par semaine et par moyen de paiement (recharges des porte-monnaie comprises, leur utilisation non : cet argent était déjà reçu).
      </p>
      {treasury.receipts.length === 0 ? <p>Aucune recette ces dix dernières semaines.</p> : <TreasuryChart weeks={treasury.weeks} receipts={treasury.receipts} />}

      <h2>Remplissage des quatre prochaines semaines</h2>
      <p>Pour chaque activité et chaque jour de service : les places réservées (remplissage bleu, rouge quand le jour est complet) dans les places offertes, celles de toutes ses prestations additionnées (barre grise cerclée), avec les chiffres « réservées/offertes » au-dessus de chaque barre.</p>
      {products.size === 0 ? <p>Aucun service dans les quatre prochaines semaines.</p> : null}
      {[...products.values()].map((days) => (
        <section aria-labelledby={`produit-${days[0]!.productId}`}>
          <h3 id={`produit-${days[0]!.productId}`}>
            <a href={`/agent/presences/${days[0]!.productId}`}>
              {days[0]!.product} – {days[0]!.commune}
            </a>
          </h3>
          <LoadChart id={`chart-${days[0]!.productId}`} title={`${days[0]!.product} : places réservées sur places offertes`} days={days} />
        </section>
      ))}
    </>
  );
}

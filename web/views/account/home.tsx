// "Mon compte": the reference's welcome, the account status in words, the documents and the
// sections. Sections not built yet say so and link nowhere.
import type { AccountStatusText } from '../../account-state.ts';
import { StatusNotice } from '../components/fields.tsx';
import { DocumentTable, type DocumentRow } from './documents.tsx';

const sections: { label: string; href?: string }[] = [
  { label: 'Historique et détails de mes commandes', href: '/mon-compte/commandes' },
  { label: 'Mes réservations', href: '/mon-compte/reservations' },
  { label: 'Mes services', href: '/mon-compte/services' },
  { label: 'Mes adresses', href: '/mon-compte/adresses' },
  { label: 'Mes informations personnelles', href: '/mon-compte/informations' },
  { label: 'Mes bons de réduction', href: '/mon-compte/bons' },
  { label: 'Mes démarches en ligne', href: '/mon-compte/demarches' },
  { label: 'Mes listes' },
  { label: 'Mes e-billets' },
  { label: 'Mon porte-monnaie', href: '/mon-compte/porte-monnaie' },
  { label: 'RGPD - Données personnelles' },
  { label: 'Mes filiations', href: '/mon-compte/filiations' },
  { label: 'Mes pièces justificatives', href: '/mon-compte/documents' },
  { label: 'Changer mon mot de passe', href: '/mon-compte/mot-de-passe' },
];

export function AccountHomePage({ name, status, documents }: { name: string; status: AccountStatusText; documents: DocumentRow[] }) {
  return (
    <>
      <h1>Mon compte</h1>
      <p>Bonjour {name}.</p>
      <p>Bienvenue sur votre page d'accueil. Vous pouvez y gérer vos informations personnelles ainsi que vos commandes.</p>
      <StatusNotice status={status} />
      <p class="reminder">Merci de penser à mettre vos pièces justificatives.</p>
      <h2>Mes pièces justificatives</h2>
      <DocumentTable documents={documents} hrefPrefix="/mon-compte/documents" />
      <p>
        <a class="button" href="/mon-compte/documents">
          Déposer une pièce
        </a>
      </p>
      <h2>Mes rubriques</h2>
      <ul class="sections">
        {sections.map((section) =>
          section.href ? (
            <li>
              <a href={section.href}>{section.label}</a>
            </li>
          ) : (
            <li class="sections__soon">
              {section.label} <span class="muted">(bientôt disponible)</span>
            </li>
          ),
        )}
      </ul>
    </>
  );
}

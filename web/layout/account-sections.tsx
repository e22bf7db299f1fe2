// The sections of « Mon compte », as the reference lists them: on the account's home page and in
// the « MON COMPTE » menu beside every account page.
export const accountSections: { label: string; href: string }[] = [
  { label: 'Historique et détails de mes commandes', href: '/mon-compte/commandes' },
  { label: 'Mes réservations', href: '/mon-compte/reservations' },
  { label: 'Mes absences', href: '/mon-compte/absences' },
  { label: "Mes listes d'attente", href: '/mon-compte/listes-attente' },
  { label: 'Mes services', href: '/mon-compte/services' },
  { label: 'Mes adresses', href: '/mon-compte/adresses' },
  { label: 'Mes informations personnelles', href: '/mon-compte/informations' },
  { label: 'Mes bons de réduction', href: '/mon-compte/bons' },
  { label: 'Mes démarches en ligne', href: '/mon-compte/demarches' },
  { label: 'Mes listes', href: '/mon-compte/listes' },
  { label: 'Mes e-billets', href: '/mon-compte/e-billets' },
  { label: 'Mon porte-monnaie', href: '/mon-compte/porte-monnaie' },
  { label: 'RGPD - Données personnelles', href: '/mon-compte/donnees' },
  { label: 'Mes filiations', href: '/mon-compte/filiations' },
  { label: 'Mon dossier annuel', href: '/mon-compte/dossier-annuel' },
  { label: 'Mes pièces justificatives', href: '/mon-compte/documents' },
  { label: 'Changer mon mot de passe', href: '/mon-compte/mot-de-passe' },
];

/** The « MON COMPTE » menu: every section, the current one marked, and « Déconnexion ». */
export function AccountMenu({ path }: { path: string }) {
  return (
    <nav class="account-menu" aria-labelledby="account-menu-title">
      <h2 id="account-menu-title">Mon compte</h2>
      <ul>
        <li>
          <a href="/mon-compte" aria-current={path === '/mon-compte' ? 'page' : undefined}>
            Accueil du compte
          </a>
        </li>
        {accountSections.map((section) => (
          <li>
            <a href={section.href} aria-current={path === section.href || path.startsWith(`${section.href}/`) ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
        <li>
          <form method="post" action="/deconnexion" class="inline-form">
            <button type="submit" class="link-button">
              Déconnexion
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

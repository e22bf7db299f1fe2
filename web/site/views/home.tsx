// The home page of the reference: banner and the three tiles, and a word for who opens it.
const tiles = [
  { href: '/mon-compte', lead: 'Créer ou accéder à', title: 'MON COMPTE USAGER', icon: 'compte' },
  { href: '/mon-compte/services', lead: 'Gérer', title: 'MES SERVICES ASSOCIÉS', icon: 'services' },
  { href: '/mon-compte/reservations', lead: 'Gérer', title: 'MES RÉSERVATIONS', icon: 'reservations' },
];

/** Who opens the page: a visitor (null), a parent with their account's status, or staff. */
export type HomeVisitor = null | { role: 'parent'; status: string } | { role: 'staff' };

/** What the notice under the tiles says to each: a validated parent is not told to wait. */
function homeNotice(visitor: HomeVisitor): string | null {
  if (visitor === null) return 'Une fois la notification de validation de votre compte reçue, vous pouvez procéder à la commande de services.';
  if (visitor.role !== 'parent') return null;
  if (visitor.status === 'validated') return 'Votre compte est validé : choisissez un service dans le menu pour réserver et payer en ligne.';
  if (visitor.status === 'pending') return 'Votre compte est en cours de validation par la mairie : vous pourrez commander des services dès la notification de validation reçue.';
  return null;
}

export function HomePage({ visitor }: { visitor: HomeVisitor }) {
  const notice = homeNotice(visitor);
  return (
    <>
      <section class="banner">
        <h1>Bienvenue sur la plateforme citoyen de la Communauté d'Agglomération du Puy-en-Velay</h1>
        <p>Réservez et payez en ligne la cantine, la garderie, les centres de loisirs et les autres services de votre commune.</p>
      </section>
      <ul class="tiles">
        {tiles.map((tile) => (
          <li>
            <a class={`tile tile--${tile.icon}`} href={tile.href}>
              <span class="tile__lead">{tile.lead}</span> <strong class="tile__title">{tile.title}</strong>
            </a>
          </li>
        ))}
      </ul>
      {notice ? <p class="notice">{notice}</p> : null}
    </>
  );
}

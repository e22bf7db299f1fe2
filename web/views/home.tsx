// The home page of the reference: banner and the three tiles.
const tiles = [
  { href: '/mon-compte', lead: 'Créer ou accéder à', title: 'MON COMPTE USAGER', icon: 'compte' },
  { href: '/mon-compte/services', lead: 'Gérer', title: 'MES SERVICES ASSOCIÉS', icon: 'services' },
  { href: '/mon-compte/reservations', lead: 'Gérer', title: 'MES RÉSERVATIONS', icon: 'reservations' },
];

export function HomePage() {
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
      <p class="notice">Une fois la notification de validation de votre compte reçue, vous pouvez procéder à la commande de services.</p>
    </>
  );
}

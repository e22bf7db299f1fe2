// The page frame shared by every page: skip link, the reference header (categories, "Recharger
// vos crédits", "Connexion", "Panier"), main content and the help footer.
import type { Child } from 'hono/jsx';
import type { User } from '../../db/database.ts';
import type { CartSummary } from '../../db/queries/booking/index.ts';
import { AccountMenu } from './account-sections.tsx';
import { CartLink, OfferBanner } from './cart-link.tsx';
import { categories } from './categories.ts';

export interface LayoutProps {
  title: string;
  children?: Child;
  user?: Pick<User, 'first_name' | 'email' | 'role'> | null;
  cart?: CartSummary | null;
  /** The page's path: a family's account pages get the « MON COMPTE » menu beside them. */
  path?: string;
}

/** The header's services: the home page, the categories and, for families, « Recharger vos crédits ». */
function ServiceLinks({ staff }: { staff: boolean }) {
  return (
    <ul>
      <li>
        <a href="/">Accueil</a>
      </li>
      {categories.map((category) => (
        <li>
          <a href={`/categories/${category.slug}`}>{category.label}</a>
        </li>
      ))}
      {staff ? null : (
        <li>
          <a class="button button--accent" href="/mon-compte/porte-monnaie">
            Recharger vos crédits
          </a>
        </li>
      )}
    </ul>
  );
}

export function Layout({ title, children, user, cart, path = '' }: LayoutProps) {
  const accountPage = user?.role === 'parent' && (path === '/mon-compte' || path.startsWith('/mon-compte/'));
  // Staff have no cart nor wallet: the parents' cart and top-up are not theirs to see.
  const staff = user !== null && user !== undefined && user.role !== 'parent';
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"40[09]","swap":true,"error":false},{"code":"[45]..","swap":false,"error":true}]}' />
        <title>{`${title} – Plateforme Citoyens`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/logo.svg" type="image/svg+xml" />
        <script src="/static/htmx.min.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#contenu">Aller au contenu</a>
        <header class="site-header">
          <div class="site-header__top">
            <a class="brand" href="/">
              <img src="/static/logo.svg" alt="" width="40" height="40" />
              <span>
                Agglo <strong>Le Puy-en-Velay</strong>
                <span class="brand__sub">Plateforme Citoyens</span>
              </span>
            </a>
            {/* On a phone the services fold under « Menu », so that the page starts on the first screen; no script needed. */}
            <details class="phone-menu">
              <summary>Menu</summary>
              <nav aria-label="Services">
                <ServiceLinks staff={staff} />
              </nav>
            </details>
            <nav class="account-nav" aria-label="Compte et panier">
              {user ? (
                <>
                  {user.role === 'parent' ? null : (
                    <>
                      <a href="/agent">Tableau de bord</a>
                      <a href="/agent/presences">Présences</a>
                      <a href="/agent/familles">Familles</a>
                    </>
                  )}
                  <a href="/mon-compte">Mon compte</a>
                  <form method="post" action="/deconnexion" class="inline-form">
                    <button type="submit" class="link-button">
                      Déconnexion
                    </button>
                  </form>
                </>
              ) : (
                <a href="/connexion">Connexion</a>
              )}
              {staff ? null : <CartLink cart={cart ?? null} />}
            </nav>
          </div>
          <nav class="main-nav" aria-label="Services">
            <ServiceLinks staff={staff} />
          </nav>
        </header>
        <OfferBanner cart={cart ?? null} path={path} />
        {accountPage ? (
          <div class="with-menu">
            <main id="contenu" tabindex={-1}>
              {children}
            </main>
            <AccountMenu path={path} />
          </div>
        ) : (
          <main id="contenu" tabindex={-1}>
            {children}
          </main>
        )}
        <footer class="site-footer">
          <p>
            En cas de problème, vous pouvez contacter les services de la mairie au{' '}
            <a href="tel:+33471060700">04 71 06 07 00</a>.
          </p>
          <p>Communauté d'Agglomération du Puy-en-Velay</p>
        </footer>
      </body>
    </html>
  );
}

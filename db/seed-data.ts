// The demo data: the communes and offers of the reference walkthrough, the Rosières Wednesday
// product with its six prestations, and one account per role. Logins are printed by `npm start`.
import type { ProductCategory } from './database.ts';

export interface DemoCommune {
  slug: string;
  name: string;
  mairieLabel: string;
  phone: string | null;
  offers: string[];
}

export const demoCommunes: DemoCommune[] = [
  {
    slug: 'aiguilhe',
    name: 'Aiguilhe',
    mairieLabel: "Mairie d'Aiguilhe",
    phone: null,
    offers: ['1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE', '3ÈME ENFANT À LA GARDERIE', 'USAGER'],
  },
  { slug: 'allegre', name: 'Allègre', mairieLabel: "Mairie d'Allègre", phone: null, offers: ['RÉSERVATION POUR ADULTES', 'RÉSERVATION POUR ENFANTS'] },
  { slug: 'bains', name: 'Bains', mairieLabel: 'Mairie de Bains', phone: null, offers: ['RÉSERVATION REPAS ADULTES', 'RÉSERVATION REPAS ENFANTS'] },
  {
    slug: 'rosieres',
    name: 'Rosières',
    mairieLabel: 'Mairie de Rosières',
    phone: null,
    offers: ['INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE'],
  },
  {
    slug: 'le-puy-en-velay',
    name: 'Le Puy-en-Velay',
    mairieLabel: 'Mairie du Puy-en-Velay',
    phone: '04 71 06 07 00',
    offers: ['RESTAURATION SCOLAIRE', 'GARDERIE PÉRISCOLAIRE'],
  },
];

export interface DemoProduct {
  communeSlug: string;
  name: string;
  providerLabel: string;
  description: string;
  category: ProductCategory;
  offers: string[];
  weekdays: number[];
  capacity: number;
  prestations: { label: string; priceCents: number }[];
}

export const demoProducts: DemoProduct[] = [
  {
    communeSlug: 'rosieres',
    name: 'Inscription Accueil Périscolaire (mercredis)',
    providerLabel: 'Mairie de Rosières - Accueil de Loisirs',
    description: "Accueil des enfants le mercredi, à la demi-journée ou à la journée, avec ou sans repas.",
    category: 'centres-de-loisirs',
    offers: ['INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE'],
    weekdays: [3],
    capacity: 24,
    prestations: [
      { label: 'Matin', priceCents: 790 },
      { label: 'Matin + Repas', priceCents: 1140 },
      { label: 'Après-midi', priceCents: 790 },
      { label: 'Après-midi + Repas', priceCents: 1140 },
      { label: 'Journée', priceCents: 1350 },
      { label: 'Journée + Repas', priceCents: 1700 },
    ],
  },
];

export interface DemoAccount {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: 'parent' | 'staff' | 'admin';
  /** For staff: the communes they serve; for a parent: the commune of residence (first one). */
  communeSlugs: string[];
}

export const demoAccounts: DemoAccount[] = [
  { email: 'parent@citoyens.localhost', password: 'Parent-Demo-2026!', firstName: 'Claire', lastName: 'Pardon', role: 'parent', communeSlugs: ['rosieres'] },
  { email: 'agent.rosieres@citoyens.localhost', password: 'Agent-Rosieres-2026!', firstName: 'Julien', lastName: 'Martin', role: 'staff', communeSlugs: ['rosieres'] },
  { email: 'admin@citoyens.localhost', password: 'Admin-Citoyens-2026!', firstName: 'Nadia', lastName: 'Roux', role: 'admin', communeSlugs: [] },
];

/** The demo parent's family, as in the reference walkthrough, and the service it may book. */
export const demoFamily = {
  parentEmail: 'parent@citoyens.localhost',
  children: [
    { firstName: 'Jérémy', lastName: 'Pardon', birthDate: '2017-04-12' },
    { firstName: 'Noëllie', lastName: 'Pardon', birthDate: '2019-09-30' },
  ],
  validatedOffer: { communeSlug: 'rosieres', label: 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT' },
  address: { label: 'Domicile', line1: '12 rue du Collège', postal_code: '43700', city: 'Rosières' },
};

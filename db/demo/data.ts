// The demo of the agglomération: a product of every category with the structure a commune
// gives it, one account per role in each commune, and the families whose stories
// scripts/lib/demo-scenes.ts plays through the product at the first start. Development only:
// these accounts and passwords are published in the README and printed by `npm start`.
import type { ProductCategory } from '../database.ts';
import type { PricingRules } from '../../domain/pricing.ts';

export interface DemoProduct {
  communeSlug: string;
  name: string;
  providerLabel: string;
  description: string;
  category: ProductCategory;
  offers: string[];
  weekdays: number[];
  /** The school year, or the summer holidays that follow it (a holiday centre). */
  season: 'school-year' | 'summer';
  /** School-time services close on public holidays and at Christmas. */
  schoolTime: boolean;
  capacity: number;
  pricing?: PricingRules;
  prestations: { label: string; priceCents: number }[];
}

const qfTiers: PricingRules['qfTiers'] = [
  { label: 'QF 1 (jusqu’à 600)', upTo: 600, percent: 50 },
  { label: 'QF 2 (601 à 1 000)', upTo: 1000, percent: 75 },
  { label: 'QF 3 (plus de 1 000)', upTo: null, percent: 100 },
];

export const demoProducts: DemoProduct[] = [
  {
    communeSlug: 'rosieres',
    name: 'Inscription Accueil Périscolaire (mercredis)',
    providerLabel: 'Mairie de Rosières - Accueil de Loisirs',
    description: 'Accueil des enfants le mercredi, à la demi-journée ou à la journée, avec ou sans repas.',
    category: 'centres-de-loisirs',
    offers: ['INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE'],
    weekdays: [3],
    season: 'school-year',
    schoolTime: false,
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
  {
    communeSlug: 'rosieres',
    name: 'Centre de loisirs d’été (à la semaine)',
    providerLabel: 'Mairie de Rosières - Accueil de Loisirs',
    description: 'Les semaines des vacances d’été, du lundi au vendredi de 8 h à 18 h : sorties, grands jeux, piscine. Réservation par semaine complète.',
    category: 'centres-de-loisirs',
    offers: ['INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE'],
    weekdays: [1],
    season: 'summer',
    schoolTime: false,
    capacity: 36,
    pricing: { qfTiers, nonResidentPercent: 130 },
    prestations: [
      { label: 'Semaine (5 jours)', priceCents: 6000 },
      { label: 'Semaine avec repas (5 jours)', priceCents: 8500 },
    ],
  },
  {
    communeSlug: 'bains',
    name: 'Restaurant scolaire de Bains',
    providerLabel: 'Mairie de Bains - Restaurant scolaire',
    description:
      'Le repas de midi des jours d’école, préparé sur place. Un enfant avec un PAI (projet d’accueil individualisé) pour allergie apporte son panier repas : seul l’accueil est facturé.',
    category: 'cantines',
    offers: ['RÉSERVATION REPAS ENFANTS'],
    weekdays: [1, 2, 4, 5],
    season: 'school-year',
    schoolTime: true,
    capacity: 80,
    pricing: { qfTiers, nonResidentPercent: 120 },
    prestations: [
      { label: 'Repas standard', priceCents: 390 },
      { label: 'Repas sans viande', priceCents: 390 },
      { label: 'Repas sans porc', priceCents: 390 },
      { label: 'PAI - panier repas fourni (allergie)', priceCents: 150 },
    ],
  },
  {
    communeSlug: 'le-puy-en-velay',
    name: 'Restauration scolaire - écoles publiques du Puy',
    providerLabel: 'Ville du Puy-en-Velay - Cuisine centrale',
    description: 'Repas livrés par la cuisine centrale dans les écoles publiques de la ville. Menus affichés chaque semaine ; PAI sur présentation du protocole signé.',
    category: 'cantines',
    offers: ['RESTAURATION SCOLAIRE'],
    weekdays: [1, 2, 4, 5],
    season: 'school-year',
    schoolTime: true,
    capacity: 250,
    pricing: { qfTiers, nonResidentPercent: 120, siblingReductions: [{ rank: 3, percentOff: 20 }] },
    prestations: [
      { label: 'Repas standard', priceCents: 410 },
      { label: 'Repas végétarien', priceCents: 410 },
      { label: 'PAI - panier repas fourni (allergie)', priceCents: 160 },
    ],
  },
  {
    communeSlug: 'aiguilhe',
    name: 'Garderie périscolaire d’Aiguilhe',
    providerLabel: 'Mairie d’Aiguilhe - Garderie',
    description: 'Avant et après l’école, à l’école d’Aiguilhe : le matin de 7 h 30 à 8 h 20, le soir de 16 h 30 à 18 h 30 avec goûter.',
    category: 'garderies',
    offers: ['1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE', '3ÈME ENFANT À LA GARDERIE'],
    weekdays: [1, 2, 4, 5],
    season: 'school-year',
    schoolTime: true,
    capacity: 30,
    pricing: { siblingReductions: [{ rank: 2, percentOff: 10 }, { rank: 3, percentOff: 20 }] },
    prestations: [
      { label: 'Matin (7 h 30 - 8 h 20)', priceCents: 150 },
      { label: 'Soir (16 h 30 - 18 h 30)', priceCents: 220 },
      { label: 'Matin et soir', priceCents: 330 },
    ],
  },
  {
    communeSlug: 'allegre',
    name: 'Ramassage scolaire - ligne Allègre ↔ collège du Puy',
    providerLabel: 'Mairie d’Allègre - Transport scolaire',
    description: 'Car du matin et du soir entre Allègre et le collège Jules-Vallès, les jours d’école. Choisissez l’arrêt où l’enfant monte ; retour le soir au même arrêt.',
    category: 'ramassage-scolaire',
    offers: ['RÉSERVATION POUR ENFANTS'],
    weekdays: [1, 2, 3, 4, 5],
    season: 'school-year',
    schoolTime: true,
    capacity: 15,
    prestations: [
      { label: 'Arrêt Allègre - place du Marché (7 h 05)', priceCents: 120 },
      { label: 'Arrêt Varennes - abribus (7 h 14)', priceCents: 120 },
      { label: 'Arrêt Borne - mairie (7 h 26)', priceCents: 120 },
      { label: 'Arrêt Le Puy - collège Jules-Vallès (7 h 45)', priceCents: 120 },
    ],
  },
  {
    communeSlug: 'allegre',
    name: 'École multisports (mercredi après-midi)',
    providerLabel: 'Mairie d’Allègre - Service des sports',
    description: 'Découverte d’un sport différent à chaque période (athlétisme, judo, basket, escalade) au gymnase d’Allègre, encadrée par un éducateur diplômé.',
    category: 'sports',
    offers: ['RÉSERVATION POUR ENFANTS'],
    weekdays: [3],
    season: 'school-year',
    schoolTime: true,
    capacity: 16,
    prestations: [
      { label: 'Séance 6-8 ans (14 h - 15 h 30)', priceCents: 400 },
      { label: 'Séance 9-11 ans (15 h 30 - 17 h)', priceCents: 400 },
    ],
  },
  {
    communeSlug: 'le-puy-en-velay',
    name: 'Location Vélo en Velay',
    providerLabel: 'Communauté d’agglomération du Puy-en-Velay - Vélo en Velay',
    description: 'Location de vélos à assistance électrique et de vélos enfants, retirés à la maison du vélo place Michelet avec casque et antivol. Pièce d’identité demandée au retrait.',
    category: 'velo-en-velay',
    offers: ['LOCATION VÉLO EN VELAY'],
    weekdays: [2, 3, 4, 5, 6],
    season: 'school-year',
    schoolTime: false,
    capacity: 12,
    prestations: [
      { label: 'Vélo à assistance électrique - journée', priceCents: 1200 },
      { label: 'Vélo à assistance électrique - demi-journée', priceCents: 700 },
      { label: 'Vélo enfant - journée', priceCents: 500 },
    ],
  },
  {
    communeSlug: 'le-puy-en-velay',
    name: 'Pass’Card - sorties jeunes du samedi (11-17 ans)',
    providerLabel: 'Ville du Puy-en-Velay - Service jeunesse',
    description: 'Avec la Pass’Card, une sortie encadrée chaque samedi : patinoire, escalade, visite, randonnée. Départ et retour place du Breuil.',
    category: 'pass-card',
    offers: ["PASS'CARD JEUNES"],
    weekdays: [6],
    season: 'school-year',
    schoolTime: true,
    capacity: 16,
    pricing: { qfTiers },
    prestations: [
      { label: 'Sortie demi-journée', priceCents: 500 },
      { label: 'Sortie journée (transport compris)', priceCents: 1200 },
    ],
  },
  {
    communeSlug: 'aiguilhe',
    name: 'Inscription scolaire 2027-2028 : rendez-vous en mairie',
    providerLabel: 'Mairie d’Aiguilhe - Affaires scolaires',
    description: 'Prenez rendez-vous pour inscrire votre enfant à l’école d’Aiguilhe : apportez le livret de famille, un justificatif de domicile et le carnet de vaccinations. Gratuit.',
    category: 'demarches-en-ligne',
    offers: ['USAGER', '1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE', '3ÈME ENFANT À LA GARDERIE'],
    weekdays: [2, 4],
    season: 'school-year',
    schoolTime: true,
    capacity: 6,
    prestations: [{ label: 'Rendez-vous de 20 minutes', priceCents: 0 }],
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
  /** What the account is doing when the product starts, as printed beside its login. */
  story?: string;
}

/** Staff of each commune, the admin, and the parent of the reference walkthrough. */
export const demoAccounts: DemoAccount[] = [
  { email: 'parent@citoyens.localhost', password: 'Parent-Demo-2026!', firstName: 'Claire', lastName: 'Pardon', role: 'parent', communeSlugs: ['rosieres'], story: 'porte-monnaie rechargé par carte, 4 mercredis payés' },
  { email: 'agent.rosieres@citoyens.localhost', password: 'Agent-Rosieres-2026!', firstName: 'Julien', lastName: 'Martin', role: 'staff', communeSlugs: ['rosieres'] },
  { email: 'agent.aiguilhe@citoyens.localhost', password: 'Agent-Aiguilhe-2026!', firstName: 'Sophie', lastName: 'Vidal', role: 'staff', communeSlugs: ['aiguilhe'] },
  { email: 'agent.allegre@citoyens.localhost', password: 'Agent-Allegre-2026!', firstName: 'Marc', lastName: 'Chabanon', role: 'staff', communeSlugs: ['allegre'] },
  { email: 'agent.bains@citoyens.localhost', password: 'Agent-Bains-2026!', firstName: 'Émilie', lastName: 'Reynaud', role: 'staff', communeSlugs: ['bains'] },
  { email: 'agent.lepuy@citoyens.localhost', password: 'Agent-LePuy-2026!', firstName: 'Karim', lastName: 'Benali', role: 'staff', communeSlugs: ['le-puy-en-velay'] },
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

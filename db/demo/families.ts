// The demo's families beyond the walkthrough's: each in a state that a commune meets every day,
// reached at the first start by playing its story through the product (scripts/lib/demo-scenes.ts),
// so that the staff queues and the Temporal UI show live processes.
export interface DemoChild {
  firstName: string;
  birthDate: string;
}

export interface DemoHousehold {
  key: 'girard' | 'roux' | 'martin' | 'bonnet' | 'morel';
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  communeSlug: string;
  /** A pending account waits for staff to validate it. */
  status: 'pending' | 'validated';
  children: DemoChild[];
  address: { line1: string; postal_code: string; city: string };
  /** Offers staff already approved for this family. */
  validatedOffers: string[];
  /** What the family is doing when the product starts, as printed beside its login. */
  story: string;
}

export const demoHouseholds: DemoHousehold[] = [
  {
    key: 'girard',
    email: 'famille.girard@citoyens.localhost',
    password: 'Girard-Demo-2026!',
    firstName: 'Sandrine',
    lastName: 'Girard',
    communeSlug: 'rosieres',
    status: 'pending',
    children: [{ firstName: 'Kylian', birthDate: '2016-02-18' }, { firstName: 'Florian', birthDate: '2018-11-05' }],
    address: { line1: '4 chemin des Combes', postal_code: '43800', city: 'Rosières' },
    validatedOffers: [],
    story: 'compte en attente de validation, pièces déposées',
  },
  {
    key: 'roux',
    email: 'famille.roux@citoyens.localhost',
    password: 'Roux-Demo-2026!',
    firstName: 'Thomas',
    lastName: 'Roux',
    communeSlug: 'bains',
    status: 'validated',
    children: [{ firstName: 'Léa', birthDate: '2018-06-09' }],
    address: { line1: '2 route de Saint-Christophe', postal_code: '43370', city: 'Bains' },
    validatedOffers: [],
    story: 'demande de service « RÉSERVATION REPAS ENFANTS » en attente',
  },
  {
    key: 'martin',
    email: 'famille.martin@citoyens.localhost',
    password: 'Martin-Demo-2026!',
    firstName: 'Aurélie',
    lastName: 'Martin',
    communeSlug: 'aiguilhe',
    status: 'validated',
    children: [{ firstName: 'Nathan', birthDate: '2017-09-14' }, { firstName: 'Inès', birthDate: '2020-01-27' }],
    address: { line1: '7 rue du Rocher', postal_code: '43000', city: 'Aiguilhe' },
    validatedOffers: ['1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE'],
    story: 'paiement par carte en cours (garderie)',
  },
  {
    key: 'bonnet',
    email: 'famille.bonnet@citoyens.localhost',
    password: 'Bonnet-Demo-2026!',
    firstName: 'Pierre',
    lastName: 'Bonnet',
    communeSlug: 'allegre',
    status: 'validated',
    children: [{ firstName: 'Chloé', birthDate: '2014-03-22' }],
    address: { line1: '15 avenue de la Gare', postal_code: '43270', city: 'Allègre' },
    validatedOffers: ['RÉSERVATION POUR ENFANTS'],
    story: 'panier en cours (ramassage scolaire, multisports)',
  },
  {
    key: 'morel',
    email: 'famille.morel@citoyens.localhost',
    password: 'Morel-Demo-2026!',
    firstName: 'Julie',
    lastName: 'Morel',
    communeSlug: 'le-puy-en-velay',
    status: 'validated',
    children: [{ firstName: 'Hugo', birthDate: '2012-12-03' }],
    address: { line1: '21 boulevard Saint-Louis', postal_code: '43000', city: 'Le Puy-en-Velay' },
    validatedOffers: ['RESTAURATION SCOLAIRE', 'LOCATION VÉLO EN VELAY', "PASS'CARD JEUNES"],
    story: 'une semaine de cantine payée par carte',
  },
];

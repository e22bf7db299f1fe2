import { describe, expect, it } from 'vitest';
import { missingToBuy } from './purchase.ts';

const offers = (a: 'pending' | 'validated' | 'refused' | null, b: 'pending' | 'validated' | 'refused' | null = null) => [
  { id: 1, label: 'RÉSIDENT', subscription: a },
  { id: 2, label: 'HORS-COMMUNE', subscription: b },
];

describe('missingToBuy', () => {
  it('asks a visitor to log in first', () => {
    expect(missingToBuy({ user: null, offers: offers(null) })).toEqual([{ kind: 'login' }]);
  });

  it('lists both a pending account and a missing subscription', () => {
    expect(missingToBuy({ user: { status: 'pending' }, offers: offers(null) })).toEqual([
      { kind: 'account-validation' },
      { kind: 'subscription', pending: false, offers: [{ id: 1, label: 'RÉSIDENT' }, { id: 2, label: 'HORS-COMMUNE' }] },
    ]);
  });

  it('says when a subscription is waiting for the mairie', () => {
    expect(missingToBuy({ user: { status: 'validated' }, offers: offers('pending', 'refused') })).toEqual([
      { kind: 'subscription', pending: true, offers: [{ id: 1, label: 'RÉSIDENT' }, { id: 2, label: 'HORS-COMMUNE' }] },
    ]);
  });

  it('is satisfied by any one validated subscription', () => {
    expect(missingToBuy({ user: { status: 'validated' }, offers: offers('refused', 'validated') })).toEqual([]);
  });

  it('needs no subscription for a product that requires none', () => {
    expect(missingToBuy({ user: { status: 'validated' }, offers: [] })).toEqual([]);
  });

  it('names the required document types the family does not hold valid', () => {
    const context = { user: { status: 'validated' as const }, offers: [] };
    expect(missingToBuy({ ...context, documents: { required: ['attestation-assurance', 'attestation-caf'], valid: ['attestation-caf'] } })).toEqual([{ kind: 'documents', types: ['attestation-assurance'] }]);
    expect(missingToBuy({ ...context, documents: { required: ['attestation-caf'], valid: ['attestation-caf'] } })).toEqual([]);
  });
});

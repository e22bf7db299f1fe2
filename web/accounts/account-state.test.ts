import { describe, expect, it } from 'vitest';
import { describeAccountStatus } from './account-state.ts';

const state = (status: 'waiting-documents' | 'waiting-staff' | 'documents-requested', text: string | null = null) => ({ status, text, staffReminders: 0, parentReminders: 0 });

describe('describeAccountStatus', () => {
  it('says where the account stands, in the words parents read', () => {
    expect(describeAccountStatus({ status: 'validated', status_reason: null }, null).title).toBe('Compte validé');
    expect(describeAccountStatus({ status: 'rejected', status_reason: 'Hors agglomération' }, null).title).toBe('Compte refusé : Hors agglomération');
    expect(describeAccountStatus({ status: 'pending', status_reason: null }, state('waiting-staff'))).toMatchObject({ title: 'Compte en attente de validation', kind: 'info' });
    expect(describeAccountStatus({ status: 'pending', status_reason: null }, state('documents-requested', 'Le livret de famille')).detail).toBe(
      'La mairie vous demande des pièces justificatives : Le livret de famille',
    );
    expect(describeAccountStatus({ status: 'pending', status_reason: null }, state('waiting-documents')).detail).toContain('Déposez vos pièces');
  });
});

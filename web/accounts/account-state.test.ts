// The account's validation state in words: as the family reads it, and as staff read it.
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

  it('says it to staff in their own words: what the family did, and what waits for them', () => {
    const pending = { status: 'pending' as const, status_reason: null };
    for (const workflow of [state('waiting-staff'), state('waiting-documents'), state('documents-requested', 'Le livret de famille')]) {
      const detail = describeAccountStatus(pending, workflow, 'staff').detail ?? '';
      expect(detail, workflow.status).not.toMatch(/\b(vous|vos|votre)\b/i);
    }
    expect(describeAccountStatus(pending, state('waiting-staff'), 'staff').detail).toContain('à examiner');
    expect(describeAccountStatus(pending, state('documents-requested', 'Le livret de famille'), 'staff').detail).toBe('Pièces demandées à la famille, qui ne les a pas encore déposées : Le livret de famille');
    expect(describeAccountStatus({ status: 'suspended', status_reason: null }, null, 'staff').detail).toBe('Aucun motif enregistré.');
  });
});

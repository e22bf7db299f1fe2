// The document expiry workflow's messages: one workflow per family and document type, told of
// each document of that type staff accept with an end date.
import { defineSignal } from '@temporalio/workflow';

export interface AcceptedDocument {
  documentId: number;
  /** The last day it is valid (YYYY-MM-DD). */
  expiresOn: string;
}

export const documentAccepted = defineSignal<[AcceptedDocument]>('documentAccepted');

export const documentExpiryWorkflowId = (userId: number, kind: string) => `document-expiry-${userId}-${kind}`;

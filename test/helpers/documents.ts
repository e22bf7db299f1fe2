// The document store of tests that do not look at files: one folder under the system's temp.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFolderStore } from '../../lib/documents/store.ts';

export const testDocumentStore = () => createFolderStore(path.join(tmpdir(), 'citoyens-test-documents'));

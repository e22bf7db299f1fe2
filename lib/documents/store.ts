// Where supporting documents live: outside the web root, under random keys, behind an
// interface that object storage can implement in production. Development uses a folder.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DocumentStore {
  /** Stores the bytes under a new random key and returns it. */
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{64}$/;

export function createFolderStore(folder: string): DocumentStore {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid document key');
    return path.join(folder, key.slice(0, 2), key);
  };
  return {
    async put(bytes) {
      const key = randomBytes(32).toString('hex');
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
      return key;
    },
    async get(key) {
      return new Uint8Array(await readFile(fileOf(key)));
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

// npm start's payload key: the one the environment gives, else one made at the first run and kept
// in the data folder (readable by its owner only), so that what Temporal stored yesterday still
// decrypts today.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export async function localPayloadKey(env: Record<string, string | undefined>, dataDir: string): Promise<string> {
  if (env.TEMPORAL_PAYLOAD_KEY) return env.TEMPORAL_PAYLOAD_KEY;
  const file = path.join(dataDir, 'temporal-payload.key');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing?.trim()) return existing.trim();
  const key = randomBytes(32).toString('base64');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
}

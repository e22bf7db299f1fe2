// Passwords never reach the logs: the scan looks, in every log the test run wrote, for each
// password the tests type (the literals of the test sources) and for any "password" field that
// the logger did not redact.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';

const sourceFolders = ['test', 'web', 'workflows', 'activities', 'scripts', 'db', 'bench'];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

/** The passwords the tests type: string literals given to a password field, 8 characters or more
 * and no space (labels and messages have spaces). */
export async function testPasswords(): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of sourceFolders) {
    for (const file of await sourceFiles(path.join(projectRoot, folder))) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\b(?:\w*_)?password(?:_confirmation)?\s*[:=]\s*'([^' ]{8,})'/gi)) found.add(match[1]!);
    }
  }
  // The local PostgreSQL's own account (user and password "postgres"), named in many log lines.
  found.delete('postgres');
  return [...found];
}

/** The lines of the run's logs that give a password away, with their file. */
export async function passwordLeaks(logDir: string): Promise<string[]> {
  const passwords = await testPasswords();
  const leaks: string[] = [];
  for (const file of await readdir(logDir).catch(() => [])) {
    const text = await readFile(path.join(logDir, file), 'utf8');
    for (const line of text.split('\n')) {
      const unredacted = /"[a-z_]*password[a-z_]*":"(?!\[redacted\])/i.test(line);
      if (unredacted || passwords.some((p) => line.includes(p))) leaks.push(`${file}: ${line.slice(0, 300)}`);
    }
  }
  return leaks;
}

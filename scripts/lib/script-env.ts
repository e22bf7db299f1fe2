// Command-line scripts read only the variables they need, with the same one-line errors as the
// programs' configuration.
import type { z } from 'zod';
import { ConfigError } from '../../config.ts';

export function parseScriptEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined> = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `Invalid configuration: ${issue.path.join('.')} ${issue.message}`).join('\n'));
  }
  return result.data;
}

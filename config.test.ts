import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/citoyens', TEMPORAL_ADDRESS: 'localhost:7233' };

describe('loadConfig', () => {
  it('fills defaults around the required values', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'citoyens' });
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('names each missing variable on its own line', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({});
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'Invalid configuration: DATABASE_URL is missing',
        'Invalid configuration: TEMPORAL_ADDRESS is missing',
      ]);
    }
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL must be a URL (postgres: or postgresql:)'],
    [{ TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS must look like host:port'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL must be a URL (smtp: or smtps:)'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('rejects %o', (override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });

  it('uses the payment sandbox only outside production, and needs every Paybox setting there', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', PAYMENT_PROVIDER: 'sandbox' })).toThrow('Invalid configuration: PAYMENT_PROVIDER cannot be the sandbox in production');
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow('Invalid configuration: PAYBOX_HMAC_KEY is missing (needed by the Paybox payment provider)');
    expect(() => loadConfig({ ...valid, PAYBOX_HMAC_KEY: 'abc' })).toThrow('PAYBOX_HMAC_KEY must be the 128 hexadecimal characters of the merchant key');
    expect(loadConfig(valid).PAYMENT_PROVIDER).toBeUndefined();
  });

  it('treats empty variables as unset and trims the public URL', () => {
    const config = loadConfig({ ...valid, SMTP_URL: '', PUBLIC_URL: 'https://citoyens.example.fr/' });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('https://citoyens.example.fr');
  });
});

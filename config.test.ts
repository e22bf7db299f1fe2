import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const valid = { NODE_ENV: 'development', DEV_TOOLS: 'true', DATABASE_URL: 'postgres://u:p@localhost:5432/citoyens', TEMPORAL_ADDRESS: 'localhost:7233' };

describe('loadConfig', () => {
  it('fills defaults around the required values', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'citoyens', DEV_TOOLS: true });
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('names each missing variable on its own line', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({});
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'Invalid configuration: NODE_ENV is missing',
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
    expect(() => loadConfig({ ...valid, DEV_TOOLS: 'false', NODE_ENV: 'production', PAYMENT_PROVIDER: 'sandbox' })).toThrow('Invalid configuration: PAYMENT_PROVIDER cannot be the sandbox in production');
    expect(() => loadConfig({ ...valid, DEV_TOOLS: 'false', NODE_ENV: 'production' })).toThrow('Invalid configuration: PAYBOX_HMAC_KEY is missing (needed by the Paybox payment provider)');
    expect(() => loadConfig({ ...valid, PAYBOX_HMAC_KEY: 'abc' })).toThrow('PAYBOX_HMAC_KEY must be the 128 hexadecimal characters of the merchant key');
    expect(loadConfig(valid).PAYMENT_PROVIDER).toBeUndefined();
  });

  it('needs NODE_ENV said explicitly, and production for a public https address', () => {
    const { NODE_ENV: _unset, ...withoutEnv } = valid;
    expect(() => loadConfig(withoutEnv)).toThrow('Invalid configuration: NODE_ENV is missing');
    expect(() => loadConfig({ ...valid, PUBLIC_URL: 'https://citoyens.example.fr' })).toThrow('NODE_ENV is development but PUBLIC_URL is a public https address');
    expect(() => loadConfig({ ...valid, NODE_ENV: 'test', PUBLIC_URL: 'https://citoyens.example.fr' })).toThrow('set NODE_ENV=production');
    expect(loadConfig({ ...valid, PUBLIC_URL: 'http://localhost:3000' }).NODE_ENV).toBe('development');
  });

  it('keeps the development tools and the sandbox off unless asked, and refuses them in production', () => {
    const { DEV_TOOLS: _off, ...withoutTools } = valid;
    expect(() => loadConfig(withoutTools)).toThrow('PAYBOX_HMAC_KEY is missing');
    expect(() => loadConfig({ ...withoutTools, PAYMENT_PROVIDER: 'sandbox' })).toThrow('PAYMENT_PROVIDER can be the sandbox only with DEV_TOOLS=true');
    expect(loadConfig(valid).DEV_TOOLS).toBe(true);
    const production = { ...withoutTools, NODE_ENV: 'production', PAYBOX_ENDPOINT: 'https://tpeweb.paybox.com', PAYBOX_SITE: '1999888', PAYBOX_RANG: '32', PAYBOX_IDENTIFIANT: '107904482', PAYBOX_HMAC_KEY: '0'.repeat(128), TEMPORAL_PAYLOAD_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(loadConfig(production).DEV_TOOLS).toBe(false);
    expect(() => loadConfig({ ...production, DEV_TOOLS: 'true' })).toThrow('Invalid configuration: DEV_TOOLS cannot be true in production');
    const { TEMPORAL_PAYLOAD_KEY: _key, ...withoutKey } = production;
    expect(() => loadConfig(withoutKey)).toThrow('Invalid configuration: TEMPORAL_PAYLOAD_KEY is missing (production encrypts what it sends through Temporal)');
    expect(() => loadConfig({ ...production, TEMPORAL_PAYLOAD_KEY: 'c2hvcnQ=' })).toThrow('TEMPORAL_PAYLOAD_KEY must be 32 bytes in base64');
    expect(() => loadConfig({ ...production, AS_OF: '2027-07-02' })).toThrow('Invalid configuration: AS_OF cannot be set in production (it moves the clock)');
  });

  it('takes AS_OF as a day, a Paris time or an instant, and names a typo', () => {
    expect(loadConfig({ ...valid, AS_OF: '2027-12-31T23:30' }).AS_OF).toBe('2027-12-31T23:30');
    expect(() => loadConfig({ ...valid, AS_OF: '31/12/2027' })).toThrow('Invalid configuration: AS_OF must be a day (2027-07-02), a Paris time (2027-12-31T23:30) or an instant with its offset');
  });

  it('treats empty variables as unset and trims the public URL', () => {
    const config = loadConfig({ ...valid, NODE_ENV: 'test', SMTP_URL: '', PUBLIC_URL: 'http://citoyens.localhost/' });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('http://citoyens.localhost');
  });
});

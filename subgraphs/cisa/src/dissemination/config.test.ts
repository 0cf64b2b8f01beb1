import { generateKeyPairJwk } from '@iag/kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTNERS_URL, parseDisseminationConfig } from './config';

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (msg: string) => void warnings.push(msg) } as never };
}

describe('dissemination settings', () => {
  it('reads the Partners URL (with its default) and the Ed25519 key', async () => {
    const { privateJwk } = await generateKeyPairJwk('EdDSA');
    const { logger, warnings } = recordingLogger();
    const key = JSON.stringify(privateJwk);
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: key }, logger)).toEqual({ partnersUrl: DEFAULT_PARTNERS_URL, privateJwk, leaseSeconds: 60 });
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: key, PARTNERS_URL: 'https://partners.internal/graphql' }, logger)?.partnersUrl).toBe(
      'https://partners.internal/graphql',
    );
    expect(warnings).toEqual([]);
  });

  it('does not start the dispatcher, with a warning that never quotes the key, when the key is missing or unusable', async () => {
    const { privateJwk, publicJwk } = await generateKeyPairJwk('EdDSA');
    const es256 = await generateKeyPairJwk('ES256');
    const { logger, warnings } = recordingLogger();
    expect(parseDisseminationConfig(undefined, logger)).toBeUndefined();
    expect(parseDisseminationConfig({}, logger)).toBeUndefined();
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: 'not json' }, logger)).toBeUndefined();
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(publicJwk) }, logger)).toBeUndefined();
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(es256.privateJwk) }, logger)).toBeUndefined();
    expect(parseDisseminationConfig({ DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(privateJwk), PARTNERS_URL: 'ftp://x' }, logger)).toBeUndefined();
    expect(warnings).toHaveLength(6);
    expect(warnings.join('\n')).not.toContain(privateJwk.d);
  });
});

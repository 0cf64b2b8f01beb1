import { describe, expect, it } from 'vitest';
import { parseGatewayConfig } from './config';

describe('gateway configuration', () => {
  it('refuses to start in production without identity settings, naming each', () => {
    expect(() => parseGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUER[\s\S]*AUTH_AUDIENCE[\s\S]*AUTH_JWKS_URL or AUTH_PUBLIC_KEY[\s\S]*INTERNAL_JWT_PRIVATE_KEY/,
    );
  });

  it('refuses inconsistent settings: both key sources, symmetric or none algorithms, plain-http JWKS in production', () => {
    const base = { AUTH_ISSUER: 'https://idp', AUTH_AUDIENCE: 'hub' };
    expect(() => parseGatewayConfig({ ...base, AUTH_JWKS_URL: 'https://idp/jwks', AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' })).toThrow(/set only one/);
    expect(() => parseGatewayConfig({ ...base, AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'HS256,none' })).toThrow(/AUTH_ALGORITHMS: only asymmetric/);
    expect(() =>
      parseGatewayConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'http://idp/jwks', INTERNAL_JWT_PRIVATE_KEY: '{"d":"x"}' }),
    ).toThrow(/must use https in production/);
    expect(() => parseGatewayConfig({ INTERNAL_JWT_PRIVATE_KEY: '{"kty":"OKP","x":"public-only"}' })).toThrow(/must be the private key/);
  });

  it('uses the development issuer when nothing is configured outside production', () => {
    expect(parseGatewayConfig({}).auth).toEqual({ caller: undefined, internalPrivateJwk: undefined });
  });

  it('names a bad port', () => {
    expect(() => parseGatewayConfig({ GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
  });
});

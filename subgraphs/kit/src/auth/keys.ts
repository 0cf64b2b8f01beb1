import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from 'jose';

export interface KeyPairJwk {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Generates a signing key pair as JWKs, with `kid` (the RFC 7638 thumbprint) and `alg` set. */
export async function generateKeyPairJwk(alg: 'ES256' | 'EdDSA'): Promise<KeyPairJwk> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg, use: 'sig' },
  };
}

/**
 * Development only: reads a key pair from `file`, creating it on first use. The file is written
 * under a temporary name and hard-linked into place, which fails if another process got there
 * first: processes starting together all end up with the same keys, never half a file.
 */
export async function loadOrCreateKeyFile(file: string, alg: 'ES256' | 'EdDSA'): Promise<KeyPairJwk> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const pair = await generateKeyPairJwk(alg);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(pair, null, 2), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as KeyPairJwk;
}

import { DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM, createInternalSigner, loadOrCreateKeyFile } from '@iag/kit/auth';
import type { AuthSettings } from './config';
import { createCallerVerifier } from './caller';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadDevIssuerKeys } from './dev-issuer';

/**
 * The gateway's two identity jobs: verify who the caller is, and vouch for them to subgraphs.
 * Without configured settings (development only; production refuses to start) both use keys
 * generated under `.data/keys/`.
 */
export async function createIdentity(settings: AuthSettings, devKeysDir?: string) {
  // `devKeysDir` lets tests keep their development keys out of the checkout's `.data/keys/`.
  const devIssuer = settings.caller ? undefined : await loadDevIssuerKeys(devKeysDir);
  const callerOptions = settings.caller ?? {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    algorithms: [DEV_ALGORITHM],
    publicJwks: [devIssuer!.publicJwk],
  };
  const privateJwk = settings.internalPrivateJwk ?? (await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM)).privateJwk;
  return {
    verifyCaller: await createCallerVerifier(callerOptions),
    signInternal: await createInternalSigner(privateJwk),
    development: !settings.caller,
    /** Signs persona tokens (the explorer's picker); undefined when an external issuer is configured. */
    devIssuerPrivateJwk: devIssuer?.privateJwk,
  };
}

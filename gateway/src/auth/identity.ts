import { DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM, createInternalSigner, loadOrCreateKeyFile } from '@iag/kit/auth';
import type { AuthSettings } from './config';
import { createCallerVerifier } from './caller';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadDevIssuerKeys } from './dev-issuer';

/**
 * The gateway's two identity jobs: verify who the caller is, and vouch for them to subgraphs.
 * Without configured settings (development only; production refuses to start) both use keys
 * generated under `.data/keys/`.
 */
export async function createIdentity(settings: AuthSettings) {
  const callerOptions = settings.caller ?? {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    algorithms: [DEV_ALGORITHM],
    publicJwks: [(await loadDevIssuerKeys()).publicJwk],
  };
  const privateJwk = settings.internalPrivateJwk ?? (await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM)).privateJwk;
  return {
    verifyCaller: await createCallerVerifier(callerOptions),
    signInternal: await createInternalSigner(privateJwk),
    development: !settings.caller,
  };
}

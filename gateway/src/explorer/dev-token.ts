import type { JWK } from 'jose';
import { sendGraphQLError, sendJson, type Route } from '@iag/kit/http';
import { signDevToken } from '../auth/dev-issuer';
import { personas } from '../auth/personas';

/** The development-only route that hands the explorer's persona picker a token. */
export const DEV_TOKEN_PATH = '/explorer/dev-token';

/**
 * `GET /explorer/dev-token?persona=<name>` → `{ token }` (null for `anonymous`), signed by the
 * development issuer. It mints tokens for anyone who asks, which is only acceptable because it
 * exists only with the development issuer: the server never registers it in production or with an
 * external issuer, so there it is a plain 404.
 */
export function devTokenRoute(devIssuerPrivateJwk: JWK): Route {
  return async (req, res) => {
    if (req.method !== 'GET') return sendGraphQLError(res, 405, 'BAD_REQUEST', 'Use GET', { allow: 'GET' });
    const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('persona') ?? '';
    const persona = Object.hasOwn(personas, name) ? personas[name] : undefined;
    if (!persona) {
      const known = Object.keys(personas).join(', ');
      return sendGraphQLError(res, 400, 'BAD_USER_INPUT', `Unknown persona ${JSON.stringify(name)}; one of: ${known}`);
    }
    const { description: _description, ...principal } = persona;
    const token = principal.kind === 'ANONYMOUS' ? null : await signDevToken(devIssuerPrivateJwk, principal);
    // A token is a credential: no cache anywhere may keep it.
    sendJson(res, 200, { persona: name, token }, { 'cache-control': 'no-store' });
  };
}

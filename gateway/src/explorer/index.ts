import type { JWK } from 'jose';
import type { Route } from '@iag/kit/http';
import { personas } from '../auth/personas';
import { loadExplorerAssets } from './assets';
import { DEV_TOKEN_PATH, devTokenRoute } from './dev-token';
import { pageRoute, renderExplorerPage } from './page';

export interface ExplorerOptions {
  /**
   * The development issuer's private key, given only in development mode (no external issuer, not
   * production). It is what turns on the persona picker and its token route.
   */
  devIssuerPrivateJwk?: JWK;
}

export interface Explorer {
  /** For the GraphQL handler's `landing`: a browser opening `/graphql` gets the page. */
  landing: Route;
  /** Exact-path routes: the assets and, in development, the token route. */
  routes: Record<string, Route>;
}

/**
 * The offline GraphQL explorer: GraphiQL served by the gateway itself, with a bearer-token field
 * and, in development, persona tokens. Everything is read and rendered once, here.
 */
export function createExplorer(options: ExplorerOptions = {}): Explorer {
  const assets = loadExplorerAssets();
  const development = options.devIssuerPrivateJwk !== undefined;
  const landing = pageRoute(renderExplorerPage(assets, development ? personas : undefined));
  const routes: Record<string, Route> = { ...assets.routes };
  if (development) routes[DEV_TOKEN_PATH] = devTokenRoute(options.devIssuerPrivateJwk!);
  return { landing, routes };
}

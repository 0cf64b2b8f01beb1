import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '@iag/kit/http';

/** Where the explorer's files are served from; nothing else under it exists. */
export const ASSET_PREFIX = '/explorer/assets/';

export interface ExplorerAssets {
  /** The URL path of each asset by its logical name (`graphiql.js`, `explorer.css`...). */
  urls: Record<AssetName, string>;
  /** One route per asset, for the handler's exact-path route table. */
  routes: Record<string, Route>;
}

type AssetName = 'react.js' | 'react-dom.js' | 'graphiql.js' | 'graphiql.css' | 'explorer.js' | 'explorer.css';

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

// Resolved from the gateway package, not the workspace root: those are the versions it declares.
const require = createRequire(fileURLToPath(new URL('../../package.json', import.meta.url)));
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The files the explorer page loads, from the installed packages: no CDN, so the explorer works on
 * networks that reach nothing but the gateway. React's `umd/` builds are hidden by its exports map,
 * hence the join from its package.json. Load order matters: the GraphiQL UMD reads the `React` and
 * `ReactDOM` globals when it runs.
 */
function sources(): Record<AssetName, { file: string; type: keyof typeof TYPES }> {
  return {
    'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), type: 'js' },
    'react-dom.js': { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'js' },
    'graphiql.js': { file: join(packageDir('graphiql'), 'dist/index.umd.js'), type: 'js' },
    'graphiql.css': { file: join(packageDir('graphiql'), 'dist/style.css'), type: 'css' },
    'explorer.js': { file: join(here, 'explorer.js'), type: 'js' },
    'explorer.css': { file: join(here, 'explorer.css'), type: 'css' },
  };
}

/**
 * Strips what would make a browser reach past the gateway. GraphiQL 4.1.2's stylesheet embeds its
 * fonts as data: URLs and has no @import today; this keeps it so if an upgrade adds one. The
 * source-map comment points at a file we do not serve.
 */
export function neutralise(text: string): string {
  return text
    .replace(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^;]*;/gi, '/* remote @import removed: the explorer works offline */')
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/**
 * Reads every asset once, at start. Each URL carries a hash of the content, so the browser may
 * keep it for a year: a new version of GraphiQL or of our script is a new URL, never a stale file.
 */
export function loadExplorerAssets(): ExplorerAssets {
  const urls = {} as Record<AssetName, string>;
  const routes: Record<string, Route> = {};
  for (const [name, { file, type }] of Object.entries(sources()) as [AssetName, { file: string; type: keyof typeof TYPES }][]) {
    const body = Buffer.from(neutralise(readFileSync(file, 'utf8')), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const [base, ext] = [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)];
    const url = `${ASSET_PREFIX}${base}.${hash}.${ext}`;
    urls[name] = url;
    const headers = {
      'content-type': TYPES[type],
      'content-length': String(body.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    };
    routes[url] = (req, res) => {
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
  }
  return { urls, routes };
}

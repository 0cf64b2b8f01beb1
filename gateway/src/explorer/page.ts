import { readFileSync } from 'node:fs';
import type { Route } from '@iag/kit/http';
import type { ExplorerAssets } from './assets';

/**
 * What the page may load and run: only files from the gateway itself. GraphiQL's stylesheet embeds
 * its fonts and icons as data: URLs, hence `data:` for fonts and images; `connect-src 'self'` is
 * what keeps every request of the page on this origin.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const template = readFileSync(new URL('./explorer.html', import.meta.url), 'utf8');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The development persona picker: a select the page script fills the token field from. */
function personaPicker(personas: Record<string, { description: string }>): string {
  const options = Object.entries(personas)
    .map(([name, p]) => `<option value="${escapeHtml(name)}" title="${escapeHtml(p.description)}">${escapeHtml(name)}</option>`)
    .join('');
  return (
    '<label class="iag-field" for="iag-persona">Development persona</label>' +
    `<select id="iag-persona" class="iag-persona"><option value="">choose…</option>${options}</select>`
  );
}

/**
 * Renders the page once, at start: asset URLs (content-hashed) and, in development only, the
 * persona picker. Without personas, the page has no trace of the development issuer.
 */
export function renderExplorerPage(assets: ExplorerAssets, personas?: Record<string, { description: string }>): string {
  return template.replace(/\{\{([\w.-]+)\}\}/g, (marker, name: string) => {
    if (name === 'personaPicker') return personas ? personaPicker(personas) : '';
    const url = assets.urls[name as keyof ExplorerAssets['urls']];
    if (!url) throw new Error(`explorer.html names an unknown asset ${marker}`);
    return url;
  });
}

/** Serves the page with its Content-Security-Policy; never cached, so new asset URLs reach browsers. */
export function pageRoute(html: string): Route {
  const body = Buffer.from(html, 'utf8');
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'content-security-policy': EXPLORER_CSP,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  return (_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  };
}

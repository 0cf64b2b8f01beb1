// pnpm --silent run token <persona>: prints a bare development token, for curl and the explorer.
// (`run` is needed: pnpm 12 keeps `pnpm token` for its own registry-token command.)
import { parseArgs } from 'node:util';
import type { Principal } from '@iag/kit/auth';
import { loadDevIssuerKeys, signDevToken } from '../gateway/src/auth/dev-issuer';
import { personas } from '../gateway/src/auth/personas';

const HELP = `Usage: pnpm --silent run token <persona>
       pnpm --silent run token --sub <sub> --kind US_GOVERNMENT --agency <AGENCY> [--scope "<scopes>"] [--ttl <seconds>]
       pnpm --silent run token --sub <sub> --kind PARTNER --org <organization id> [--ttl <seconds>]

Prints a development token signed by the local issuer (keys under .data/keys/, created on first
use). The gateway accepts these only in development mode (NODE_ENV is not "production").

Personas:
${Object.entries(personas)
  .map(([name, p]) => `  ${name.padEnd(16)} ${p.description}${p.scopes.length ? `\n  ${''.padEnd(16)} scopes: ${p.scopes.join(' ')}` : ''}`)
  .join('\n')}

Use it:
  curl -s http://localhost:4000/graphql -H "authorization: Bearer $(pnpm --silent run token cisa-analyst)" \\
    -H 'content-type: application/json' -d '{"query":"{ dependencies(first: 3) { totalCount } }"}'
"anonymous" prints an empty line: send no Authorization header (or an empty one).`;

function fail(message: string): never {
  console.error(`${message}\n\nRun "pnpm run token --help" for usage.`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    sub: { type: 'string' },
    kind: { type: 'string' },
    agency: { type: 'string' },
    org: { type: 'string' },
    scope: { type: 'string' },
    ttl: { type: 'string' },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

let principal: Principal;
if (positionals.length) {
  const persona = personas[positionals[0]];
  if (!persona || positionals.length > 1) fail(`Unknown persona "${positionals.join(' ')}". Known: ${Object.keys(personas).join(', ')}`);
  const { description: _d, ...rest } = persona;
  principal = rest;
} else if (values.sub) {
  if (values.kind === 'US_GOVERNMENT') {
    if (!values.agency) fail('--agency is required for --kind US_GOVERNMENT');
    principal = { kind: 'US_GOVERNMENT', sub: values.sub, agency: values.agency.toUpperCase(), scopes: values.scope?.split(/[\s,]+/).filter(Boolean) ?? [] };
  } else if (values.kind === 'PARTNER') {
    if (!values.org) fail('--org is required for --kind PARTNER');
    if (values.scope) fail('partners hold no scopes; what they see follows from --org');
    principal = { kind: 'PARTNER', sub: values.sub, organizationId: values.org, scopes: [] };
  } else {
    fail('--kind must be US_GOVERNMENT or PARTNER');
  }
} else {
  fail('Name a persona, or give --sub and --kind.');
}

const ttl = values.ttl === undefined ? 8 * 3600 : Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 1 || ttl > 30 * 24 * 3600) fail('--ttl must be a whole number of seconds between 1 and 2592000');

if (principal.kind === 'ANONYMOUS') {
  console.log('');
} else {
  const { privateJwk } = await loadDevIssuerKeys();
  console.log(await signDevToken(privateJwk, principal, ttl));
}

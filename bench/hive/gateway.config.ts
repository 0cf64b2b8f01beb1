// Hive Gateway configuration of the benchmark peer (bench/hive/README.md). Loaded by
// `hive-gateway supergraph <file> -c bench/hive/gateway.config.ts`; every setting comes from the
// environment that bench/hive/start.ts passes.
//
// It does the same identity work per request as our gateway (gateway/src/gateway.ts), with the same
// modules: the caller's bearer token is verified by createCallerVerifier (401 when bad, ANONYMOUS
// when absent), and each subgraph fetch carries `authorization: Bearer <internal token>` signed by
// createInternalSigner for that subgraph and principal, plus `x-request-id` and a new `traceparent`.
import { defineConfig, type GatewayPlugin } from '@graphql-hive/gateway';
import type { JWK } from 'jose';
import { createCallerVerifier } from '../../gateway/src/auth/caller';
import { createInternalSigner } from '../../subgraphs/kit/src/auth/internal-token';
import { continueTrace, outgoingTraceHeaders, requestIdFrom, type TraceContext } from '../../subgraphs/kit/src/http/trace-context';
import type { Principal } from '../../subgraphs/kit/src/principal';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`bench/hive/gateway.config.ts: ${name} is required (bench/hive/start.ts sets it)`);
  return value;
}

function jwk(name: string): JWK {
  try {
    return JSON.parse(required(name)) as JWK;
  } catch (error) {
    throw new Error(`bench/hive/gateway.config.ts: ${name} must be a JWK (JSON): ${(error as Error).message}`);
  }
}

const verifyCaller = await createCallerVerifier({
  issuer: required('HIVE_PEER_ISSUER'),
  audience: required('HIVE_PEER_AUDIENCE'),
  algorithms: required('HIVE_PEER_ALGORITHMS').split(',').map((a) => a.trim()).filter(Boolean),
  publicJwks: [jwk('HIVE_PEER_CALLER_PUBLIC_JWK')],
});
const signInternal = await createInternalSigner(jwk('HIVE_PEER_INTERNAL_PRIVATE_JWK'));

/** What our gateway's context holds (GatewayContext in gateway/src/gateway.ts), per client request. */
interface Caller {
  principal: Principal;
  requestId: string;
  trace: TraceContext;
}
const callers = new WeakMap<Request, Caller>();

const GRAPHQL_PATH = '/graphql';

/** Verifies the caller before Yoga parses anything, as our handler does (kit/src/http/graphql-handler.ts). */
const callerAuthentication: GatewayPlugin = {
  async onRequest({ request, url, endResponse, fetchAPI }) {
    if (url.pathname !== GRAPHQL_PATH) return;
    try {
      const principal = await verifyCaller(request.headers.get('authorization') ?? undefined);
      callers.set(request, {
        principal,
        requestId: requestIdFrom(request.headers.get('x-request-id') ?? undefined),
        trace: continueTrace(request.headers.get('traceparent') ?? undefined, request.headers.get('tracestate') ?? undefined),
      });
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      if (code !== 'UNAUTHENTICATED') throw error;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Bearer' },
        }),
      );
    }
  },
};

/** `<NAME>_URL` overrides, as our gateway reads them (gateway/src/config.ts). */
const SUBGRAPHS = (process.env.HIVE_PEER_SUBGRAPHS ?? 'cisa,dhs,state,partners').split(',').filter(Boolean);
const transportEntries = Object.fromEntries(
  SUBGRAPHS.flatMap((name) => {
    const url = process.env[`${name.toUpperCase()}_URL`];
    return url ? [[name, { location: url }]] : [];
  }),
);

export const gatewayConfig = defineConfig({
  // Single process (the default; set explicitly): the pid start.ts returns does all the work.
  fork: 1,
  graphqlEndpoint: GRAPHQL_PATH,
  // Production-ish: errors only, masked unexpected errors (the default), no landing page or IDE.
  // LOG_LEVEL (start.ts sets it, default error) also governs the CLI's own start-up messages.
  logging: (process.env.LOG_LEVEL ?? 'error') as 'error',
  landingPage: false,
  graphiql: false,
  transportEntries,
  // No response cache, no persisted documents, no usage reporting: none configured.
  // Inbound in-flight deduplication stays at its default (off), batching at its defaults.
  plugins: () => [callerAuthentication],
  propagateHeaders: {
    // Runs in onSubgraphExecute for every subgraph request (it knows the subgraph's name); the
    // headers are put on the fetch by the same plugin's onFetch. Client headers are not forwarded.
    async fromClientToSubgraphs({ request, subgraphName }) {
      const caller = callers.get(request);
      if (!caller) return {};
      return {
        authorization: `Bearer ${await signInternal(caller.principal, subgraphName)}`,
        'x-request-id': caller.requestId,
        ...outgoingTraceHeaders(caller.trace),
      };
    },
  },
});

import { AuditRecorder } from './audit/recorder';
import type { Db } from './db/database';
import { LoaderRegistry } from './loaders';
import type { Principal } from './principal';

/** What every resolver receives: who asks, this request's loaders, and the subgraph's database. */
export interface SubgraphContext<S extends Record<string, unknown> = Record<string, unknown>> {
  principal: Principal;
  requestId: string;
  loaders: LoaderRegistry;
  db: Db<S>;
  /** Records reads of AMBER/RED data (flushed once per request) and writes (inside their transaction). */
  audit: AuditRecorder;
}

export function createContext<S extends Record<string, unknown>>(
  db: Db<S>,
  principal: Principal,
  requestId: string,
): SubgraphContext<S> {
  const audit = new AuditRecorder(db as Db<Record<string, unknown>>, principal, requestId);
  return { principal, requestId, db, loaders: new LoaderRegistry(), audit };
}

import type { Db } from '../db/database';
import type { Principal } from '../principal';
import { auditLog } from './table';

type Tx = Pick<Db<Record<string, unknown>>, 'insert'>;

function principalColumns(principal: Principal) {
  return {
    principalSub: principal.sub ?? null,
    principalKind: principal.kind,
    principalAgency: principal.agency ?? null,
    principalOrganization: principal.organizationId ?? null,
  };
}

/**
 * Collects what one request read of AMBER/RED data and writes it as one row per object type when
 * the response goes out: one insert per request, not one per row read.
 */
export class AuditRecorder {
  private readonly reads = new Map<string, Set<string>>();

  constructor(
    private readonly db: Db<Record<string, unknown>>,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  /** Notes that the caller was shown these objects. */
  read(objectType: string, ids: Iterable<string>): void {
    let set = this.reads.get(objectType);
    if (!set) this.reads.set(objectType, (set = new Set()));
    for (const id of ids) set.add(id);
  }

  async flush(): Promise<void> {
    if (this.reads.size === 0) return;
    const rows = [...this.reads].map(([objectType, ids]) => ({
      ...principalColumns(this.principal),
      operation: 'read',
      objectType,
      objectIds: [...ids].sort(),
      requestId: this.requestId,
    }));
    this.reads.clear();
    await this.db.insert(auditLog).values(rows);
  }

  /** Records a write inside the caller's transaction, so the record and the change stand or fall together. */
  async write(tx: Tx, operation: string, objectType: string, ids: string[]): Promise<void> {
    await tx.insert(auditLog).values({
      ...principalColumns(this.principal),
      operation,
      objectType,
      objectIds: ids,
      requestId: this.requestId,
    });
  }
}

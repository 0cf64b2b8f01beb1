import type { ProductExport } from '../exports/product-export';
import type { CsafRevision, CsafTracking } from './csaf.types';

export const GENERATOR_NAME = 'Interagency Graph';

const iso = (date: Date) => date.toISOString();
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** Whether the change note already tells a reader that the product was withdrawn. */
const saysWithdrawn = (text: string) => /\bwithdr[ae]wn?\b/i.test(text);

function revisionHistory({ product, revisions }: ProductExport): CsafRevision[] {
  const history = [...revisions]
    .sort((a, b) => a.revision - b.revision)
    .map((r) => ({ number: String(r.revision), date: iso(r.createdAt), summary: r.changeNote }));
  // Every product gets revision 1 when it is created; should one come without, the history still
  // needs an entry (the schema requires one) and must start at 1 (mandatory test 6.1.21).
  if (history.length === 0) {
    history.push({ number: '1', date: iso(product.publishedAt ?? product.createdAt), summary: 'Initial version.' });
  }
  const last = history[history.length - 1];
  if (product.status === 'WITHDRAWN' && !saysWithdrawn(last.summary)) last.summary = `Withdrawn. ${last.summary}`;
  return history;
}

/**
 * The tracking block. A withdrawn product stays "final": CSAF 2.0 has no withdrawn status, and the
 * withdrawal is its last revision. Dates are chosen so that the validator's ordering holds: the
 * current release is never before a revision (recommended test 6.2.6) and the version is the
 * newest revision's number (mandatory test 6.1.16).
 */
export function csafTracking(input: ProductExport): CsafTracking {
  const { product } = input;
  const history = revisionHistory(input);
  const initial = product.publishedAt ?? product.createdAt;
  const current = latest([product.updatedAt, initial, ...history.map((r) => new Date(r.date))]);
  return {
    id: product.trackingId,
    status: product.status === 'DRAFT' ? 'draft' : 'final',
    version: history[history.length - 1].number,
    revision_history: history,
    initial_release_date: iso(initial),
    current_release_date: iso(current),
    generator: { engine: { name: GENERATOR_NAME } },
  };
}

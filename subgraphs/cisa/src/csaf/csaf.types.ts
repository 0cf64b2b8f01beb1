// The parts of a CSAF 2.0 document this subgraph writes, as type aliases (not interfaces) so that a
// built document is assignable to the exported `Record<string, unknown>` shape.

export type CsafNote = {
  category: 'description' | 'details' | 'faq' | 'general' | 'legal_disclaimer' | 'other' | 'summary';
  text: string;
  title?: string;
};

export type CsafReference = { category: 'external' | 'self'; summary: string; url: string };

export type CsafBranch =
  | { category: 'vendor'; name: string; branches: CsafBranch[] }
  | { category: 'product_name'; name: string; product: { product_id: string; name: string } };

export type CsafProductTree = { branches: CsafBranch[] };

export type CsafRemediation = {
  category: 'mitigation' | 'no_fix_planned' | 'none_available' | 'vendor_fix' | 'workaround';
  details: string;
  product_ids: string[];
};

export type CsafThreat = { category: 'exploit_status' | 'impact' | 'target_set'; details: string; date?: string; product_ids?: string[] };

export type CsafVulnerability = {
  cve: string;
  title: string;
  cwe?: { id: string; name: string };
  notes: CsafNote[];
  references?: CsafReference[];
  product_status: { known_affected: string[] };
  remediations: CsafRemediation[];
  threats: CsafThreat[];
};

export type CsafRevision = { number: string; date: string; summary: string };

export type CsafTracking = {
  id: string;
  status: 'draft' | 'final' | 'interim';
  version: string;
  revision_history: CsafRevision[];
  initial_release_date: string;
  current_release_date: string;
  generator: { engine: { name: string } };
};

export type CsafDistribution = { text: string; tlp: { label: 'WHITE' | 'GREEN' | 'AMBER' | 'RED'; url: string } };

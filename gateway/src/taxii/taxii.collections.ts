import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './taxii.http';

/** The API root's path segment under /taxii2/. */
export const API_ROOT = 'threat-intel';

/** Objects per page at most, and when the client does not say. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;

/**
 * The one collection: every released threat product the caller may see, as STIX 2.1. Its id is
 * fixed (a random UUID chosen once) because partners' TAXII clients store it in their feeds.
 */
export const THREAT_PRODUCTS_COLLECTION = {
  id: '9b0b2a4e-7d63-4a43-9f35-3b8f2f6f1c07',
  alias: 'threat-products',
  title: 'CISA threat products',
  description:
    "Advisories, alerts, analysis reports, indicator bundles and guidance as STIX 2.1 (reports, indicators, vulnerabilities, courses of action), under TLP 2.0: each caller sees exactly the products the graph shows them.",
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
};

export function discovery(origin: string) {
  return {
    title: 'Interagency Graph TAXII 2.1 server',
    description: 'Read-only TAXII 2.1 access to the threat products of the Interagency Graph, under the same tokens and TLP rules as the GraphQL API.',
    contact: 'Interagency Graph operators',
    default: `${origin}/taxii2/${API_ROOT}/`,
    api_roots: [`${origin}/taxii2/${API_ROOT}/`],
  };
}

export function apiRoot(maxBodyBytes: number) {
  return {
    title: 'Threat intelligence',
    description: 'Threat products of the Interagency Graph as STIX 2.1.',
    versions: [TAXII_MEDIA_TYPE],
    // The gateway's body limit; no collection here takes objects anyway (can_write is false).
    max_content_length: maxBodyBytes,
  };
}

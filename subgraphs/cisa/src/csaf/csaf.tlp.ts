import type { ThreatProductRow } from '../threat-product/threat-product.loader';
import type { CsafDistribution } from './csaf.types';

export const TLP_URL = 'https://www.first.org/tlp/';

type Tlp = ThreatProductRow['tlp'];

// CSAF 2.0 predates TLP 2.0 and its schema allows only the TLP 1.0 labels. CLEAR is 1.0's WHITE
// renamed; AMBER+STRICT has no 1.0 label, and AMBER is the nearest one that does not widen sharing
// on its own, so the text says the stricter rule. The text always names the 2.0 label, which is
// what the product was marked with.
const MAPPING: Record<Tlp, { label: CsafDistribution['tlp']['label']; text: string }> = {
  CLEAR: { label: 'WHITE', text: 'TLP:CLEAR. Recipients may share this information without restriction.' },
  GREEN: {
    label: 'GREEN',
    text: 'TLP:GREEN. Recipients may share this information within their community, but not via publicly accessible channels.',
  },
  AMBER: {
    label: 'AMBER',
    text: 'TLP:AMBER. Recipients may share this information only on a need-to-know basis within their organization and with its clients.',
  },
  AMBER_STRICT: {
    label: 'AMBER',
    text:
      'TLP:AMBER+STRICT. Recipients may share this information only on a need-to-know basis within their organization, ' +
      'and not with its clients. CSAF 2.0 knows no AMBER+STRICT label, so the label below is TLP:AMBER; the stricter rule applies.',
  },
  RED: { label: 'RED', text: 'TLP:RED. For the eyes and ears of the individual recipients only; no further disclosure.' },
};

export function csafDistribution(tlp: Tlp): CsafDistribution {
  const { label, text } = MAPPING[tlp];
  return { text, tlp: { label, url: TLP_URL } };
}

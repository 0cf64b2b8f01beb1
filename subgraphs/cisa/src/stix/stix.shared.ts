import type { StixObject } from './stix.bundle';
import { locationId, stixId } from './stix.ids';
import { tlpMarkingId } from './stix.tlp';

/**
 * Objects that many products share: the agencies that write them and the countries they concern.
 * Their content must not depend on which product exported them (a TAXII collection keeps one object
 * per id and version), so they carry a fixed date and TLP:CLEAR, never the product's marking.
 */
export const SHARED_OBJECT_DATE = '2020-01-01T00:00:00.000Z';

/** The agency whose identity signs the KEV catalog entries, whoever wrote the product. */
export const KEV_AGENCY = 'CISA';

// Full names of the agencies that write products; an agency missing here is named by its code,
// which is still a stable, valid identity.
const AGENCY_NAMES: Record<string, string> = {
  CISA: 'Cybersecurity and Infrastructure Security Agency',
  DHS: 'Department of Homeland Security',
  FBI: 'Federal Bureau of Investigation',
  STATE: 'Department of State',
};

export function agencyIdentityId(agency: string): string {
  return stixId('identity', agency);
}

export function agencyIdentity(agency: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: agencyIdentityId(agency),
    created: SHARED_OBJECT_DATE,
    modified: SHARED_OBJECT_DATE,
    name: AGENCY_NAMES[agency] ?? agency,
    identity_class: 'organization',
    sectors: ['government-national'],
    object_marking_refs: [tlpMarkingId('CLEAR')],
  };
}

/** A country by its ISO 3166-1 alpha-2 code, which is also its name (consumers localise it). */
export function countryLocation(code: string): StixObject {
  return {
    type: 'location',
    spec_version: '2.1',
    id: locationId(code),
    created: SHARED_OBJECT_DATE,
    modified: SHARED_OBJECT_DATE,
    name: code,
    country: code,
    object_marking_refs: [tlpMarkingId('CLEAR')],
  };
}

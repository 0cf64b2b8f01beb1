import type { StixObject } from './stix.bundle';

export type TlpLevel = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED';

/** The TLP 2.0 property extension defined by OASIS for marking definitions. */
export const TLP_2_0_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

// The official TLP 2.0 marking definitions, as published by OASIS in
// github.com/oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0/examples
// and objects/marking-definition/. They carry no created_by_ref: an object copied from there must stay
// byte-for-byte the same, since receivers recognise the markings by id and compare content.
function tlp2(id: string, name: string, tlp20: string): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2022-10-01T00:00:00.000Z',
    name,
    extensions: { [TLP_2_0_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp20 } },
  };
}

export const TLP_MARKING_DEFINITIONS: Record<TlpLevel, StixObject> = {
  CLEAR: tlp2('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR', 'clear'),
  GREEN: tlp2('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN', 'green'),
  AMBER: tlp2('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER', 'amber'),
  AMBER_STRICT: tlp2('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'TLP:AMBER+STRICT', 'amber+strict'),
  RED: tlp2('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED', 'red'),
};

/** The id of the marking of a TLP level, for `object_marking_refs`. */
export function tlpMarkingId(level: TlpLevel): string {
  return TLP_MARKING_DEFINITIONS[level].id;
}

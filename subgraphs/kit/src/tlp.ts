import { registerEnumType } from 'type-graphql';

/** Traffic Light Protocol 2.0 (FIRST, 2022), ordered from least to most restricted. */
export enum Tlp {
  CLEAR = 'CLEAR',
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  AMBER_STRICT = 'AMBER_STRICT',
  RED = 'RED',
}

registerEnumType(Tlp, {
  name: 'Tlp',
  description: 'Traffic Light Protocol 2.0 marking: who may receive the information.',
  valuesConfig: {
    CLEAR: { description: 'TLP:CLEAR: anyone; no limit on disclosure.' },
    GREEN: { description: "TLP:GREEN: the recipient's community, not through public channels." },
    AMBER: { description: "TLP:AMBER: the recipient's organization and its clients, need to know." },
    AMBER_STRICT: { description: "TLP:AMBER+STRICT: the recipient's organization only." },
    RED: { description: 'TLP:RED: only the individuals present in the exchange.' },
  },
});

export const TLP_ORDER: readonly Tlp[] = [Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED];

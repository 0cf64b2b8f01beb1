/** The forms of a subgraph's name that the templates use, e.g. for `energy`. */
export interface Names {
  /** `energy`: folder, subgraph name, registry entry, camel-case prefix of fields. */
  name: string;
  /** `Energy`: prefix of type names. */
  pascal: string;
  /** `ENERGY`: prefix of environment variables (`ENERGY_PORT`...). */
  upper: string;
  /** `EnergySite`: the entity the scaffold starts with. */
  entity: string;
  /** `energySite`: its by-id query; `energySites` its list and its field on Country. */
  entityField: string;
  entityListField: string;
  /** `energy:write`: the scope writes require. */
  writeScope: string;
  /** `Department of Energy`: who runs the subgraph, for docs and descriptions. */
  owner: string;
  /** `DOE`: the `agency` claim of the owner's principals (audit log readers). */
  agency: string;
  port: number;
}

/** A name `pnpm new-subgraph` accepts: lower-case letters and digits, 2 to 21 characters. */
export const NAME_PATTERN = /^[a-z][a-z0-9]{1,20}$/;

/** Names that would clash with a workspace folder or read badly as a type prefix. */
export const RESERVED_NAMES = new Set(['kit', 'gateway', 'schema', 'test', 'scripts', 'query', 'mutation', 'subscription']);

export function deriveNames(input: { name: string; owner: string; agency?: string; port: number }): Names {
  const { name } = input;
  const pascal = name[0].toUpperCase() + name.slice(1);
  return {
    name,
    pascal,
    upper: name.toUpperCase(),
    entity: `${pascal}Site`,
    entityField: `${name}Site`,
    entityListField: `${name}Sites`,
    writeScope: `${name}:write`,
    owner: input.owner,
    agency: (input.agency ?? name).toUpperCase(),
    port: input.port,
  };
}

/** Quotes a string for a single-quoted TypeScript literal. */
export const tsString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

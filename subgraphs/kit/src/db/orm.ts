// One drizzle-orm instance for the whole workspace: subgraphs import operators from here, so that
// every `sql`, `eq` and table object comes from the same module the driver uses.
export * from 'drizzle-orm';

// The demo seed as the oracle of docs/queries.md: expected answers are derived from the seed data
// (docs/demo-data.md), never from a past answer. The expectation files read the seed through here.
import { buildDemoInfrastructure } from '../../subgraphs/cisa/src/seed-infrastructure/demo';
import { demoProducts } from '../../subgraphs/cisa/src/seed-threat-intel/demo-products';
import { demoEngagements } from '../../subgraphs/dhs/src/seed/data/engagements';
import { demoMaturityAssessments } from '../../subgraphs/partners/src/seed/data/maturity-assessments';
import { demoOrganizations } from '../../subgraphs/state/src/seed/data/organizations';

export { provisionalRisk } from '../../subgraphs/cisa/src/risk/risk.factors';
export type { DemoProduct } from '../../subgraphs/cisa/src/seed-threat-intel/data/demo-product';
export { demoDeliveries } from '../../subgraphs/partners/src/seed/data/deliveries';
export { demoSightings } from '../../subgraphs/partners/src/seed/data/sightings';
export { demoAgreements } from '../../subgraphs/state/src/seed/data/agreements';
export { default as countries } from '../../subgraphs/state/src/seed/data/countries.json' with { type: 'json' };
export { demoEngagements, demoMaturityAssessments, demoOrganizations, demoProducts };

export const infrastructure = buildDemoInfrastructure();
export const activeDependencies = infrastructure.dependencies.filter((d) => d.status === 'ACTIVE');
export const assetById = new Map(infrastructure.assets.map((a) => [a.id, a]));
export const productById = new Map(demoProducts.map((p) => [p.id, p]));
export const orgById = new Map(demoOrganizations.map((o) => [o.id, o]));

export const sorted = <T>(items: Iterable<T>) => [...items].sort();
export const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
/** Engagements running on some day of [from, to], as the register's window filter means it. */
export const runsDuring = (e: (typeof demoEngagements)[number], from: string, to: string) =>
  e.startsOn <= to && (e.endsOn == null || e.endsOn >= from);
export const orgIdsIn = (countryCode: string) =>
  sorted(demoOrganizations.filter((o) => o.countryCode === countryCode).map((o) => o.id));
export const latestAssessment = (organizationId: string) =>
  demoMaturityAssessments
    .filter((m) => m.organizationId === organizationId)
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];

/** The question as asked, and a way to ask it again (the next page). */
export interface Ask {
  variables: Record<string, any>;
  run(variables?: Record<string, unknown>): Promise<any>;
}


/** One expectation per operation name: what the answer means, checked against the seed. */
export type Expectations = Record<string, (data: any, ask: Ask) => void | Promise<void>>;

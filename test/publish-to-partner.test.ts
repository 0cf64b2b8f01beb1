// The whole path through the gateway: a CISA analyst publishes, the partner named in the audience
// finds the delivery in its own feed, and the analyst sees the backlog drain; a withdrawal reaches
// the same partner the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';
import { eventually } from './processes';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub({}, { dissemination: true });
});
afterAll(() => hub?.close());

describe('publishing to partners', () => {
  it('reaches the partner in the audience, and no one else', async () => {
    const analyst = personas['cisa-analyst'];
    const drafted = await hub.as(analyst, `mutation { draftThreatProduct(input: {
      trackingId: "AA27-001A", kind: ALERT, title: "Exploitation of port OT gateways", summary: "Patch now.",
      tlp: AMBER, audience: { organizations: ["nl-ncsc"] } }) { id } }`);
    const { id } = drafted.body.data.draftThreatProduct;
    const published = await hub.as(analyst, 'mutation($id: ID!) { publishThreatProduct(id: $id, expectedVersion: 1) { status } }', { id });
    expect(published.body.data.publishThreatProduct.status).toBe('PUBLISHED');

    const feed = (persona: (typeof personas)[string]) =>
      hub.as(persona, 'query($id: ID!) { deliveries(product: $id) { totalCount edges { node { recipient { id } revision product { trackingId } } } } }', { id });
    await eventually(async () => (await feed(personas['partner-nl'])).body.data.deliveries.totalCount === 1, 20_000, 'the delivery');
    const nl = (await feed(personas['partner-nl'])).body.data.deliveries.edges[0].node;
    expect(nl).toEqual({ recipient: { id: 'nl-ncsc' }, revision: 1, product: { trackingId: 'AA27-001A' } });
    expect((await feed(personas['partner-de'])).body.data.deliveries.totalCount).toBe(0);
    const status = await hub.as(analyst, '{ disseminationStatus { pending dispatched } }');
    expect(status.body.data.disseminationStatus).toMatchObject({ pending: 0, dispatched: 1 });

    // Withdrawn: the partner that received it is told, as a delivery of the withdrawal revision.
    const withdrawn = await hub.as(analyst, 'mutation($id: ID!) { withdrawThreatProduct(id: $id, expectedVersion: 2, reason: "Wrong gateway model.") { revision } }', { id });
    expect(withdrawn.body.data.withdrawThreatProduct.revision).toBe(2);
    await eventually(async () => (await feed(personas['partner-nl'])).body.data.deliveries.totalCount === 2, 20_000, 'the withdrawal');
    const revisions = (await feed(personas['partner-nl'])).body.data.deliveries.edges.map((e: any) => e.node.revision).sort();
    expect(revisions).toEqual([1, 2]);
    const seen = await hub.as(personas['partner-nl'], 'query($id: ID!) { threatProduct(id: $id) { status revisions { revision changeNote } } }', { id });
    expect(seen.body.data.threatProduct.status).toBe('WITHDRAWN');
    expect(seen.body.data.threatProduct.revisions.at(-1)).toEqual({ revision: 2, changeNote: 'Withdrawn: Wrong gateway model.' });
    expect((await feed(personas['partner-de'])).body.data.deliveries.totalCount).toBe(0);
  });
});

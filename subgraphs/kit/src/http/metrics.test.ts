import { describe, expect, it } from 'vitest';
import { sampleValue } from '../testing/metrics';
import { createServiceMetrics, OperationLabels } from './metrics';

describe('OperationLabels', () => {
  it('names unnamed operations anonymous, cuts long names and replaces odd characters', () => {
    const labels = new OperationLabels(10, 8);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('')).toBe('anonymous');
    expect(labels.label('CountryBriefWithEverything')).toBe('CountryB');
    expect(labels.label('a"b{c}')).toBe('a_b_c_');
  });

  it('keeps the first N distinct names and counts the rest as other', () => {
    const labels = new OperationLabels(2);
    expect([labels.label('A'), labels.label('B'), labels.label('C'), labels.label('A'), labels.label('D')]).toEqual(['A', 'B', 'other', 'A', 'other']);
  });

  it('serves /metrics only to the bearer of the token when one is set', async () => {
    const metrics = createServiceMetrics('guarded', { defaultMetrics: false, token: 's3cret' });
    const answer = async (authorization?: string) => {
      const res: any = { status: 0, headers: {}, body: '' };
      res.writeHead = (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }) && res;
      res.end = (body: string) => void (res.body = body);
      await metrics.route({ headers: authorization ? { authorization } : {} } as never, res);
      return res;
    };
    expect((await answer()).status).toBe(401);
    expect((await answer('Bearer wrong')).status).toBe(401);
    const ok = await answer('Bearer s3cret');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(ok.body).toContain('# TYPE graphql_requests_total counter');
  });
});

describe('createServiceMetrics', () => {
  it('counts requests on a registry of its own, labelled with the service', async () => {
    const one = createServiceMetrics('one', { defaultMetrics: false });
    const two = createServiceMetrics('two', { defaultMetrics: false });
    one.observeRequest('Q', 200, 0.02);
    one.observeRequest(undefined, 400, 0.001);
    const text = await one.registry.metrics();
    expect(sampleValue(text, 'graphql_requests_total', { service: 'one', operation: 'Q', status: '200' })).toBe(1);
    expect(sampleValue(text, 'graphql_requests_total', { service: 'one', operation: 'anonymous', status: '400' })).toBe(1);
    expect(sampleValue(text, 'graphql_request_duration_seconds_count', { operation: 'Q' })).toBe(1);
    expect(sampleValue(text, 'graphql_request_duration_seconds_bucket', { operation: 'Q', le: '0.025' })).toBe(1);
    expect(sampleValue(text, 'graphql_request_duration_seconds_bucket', { operation: 'Q', le: '0.01' })).toBe(0);
    expect(await two.registry.metrics()).not.toContain('operation="Q"');
  });

  it('serves /metrics only to the bearer of the token when one is set', async () => {
    const metrics = createServiceMetrics('guarded', { defaultMetrics: false, token: 's3cret' });
    const answer = async (authorization?: string) => {
      const res: any = { status: 0, headers: {}, body: '' };
      res.writeHead = (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }) && res;
      res.end = (body: string) => void (res.body = body);
      await metrics.route({ headers: authorization ? { authorization } : {} } as never, res);
      return res;
    };
    expect((await answer()).status).toBe(401);
    expect((await answer('Bearer wrong')).status).toBe(401);
    const ok = await answer('Bearer s3cret');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(ok.body).toContain('# TYPE graphql_requests_total counter');
  });
});

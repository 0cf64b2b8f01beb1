// The explorer in a real browser: Chromium (headless) opens the gateway's /graphql, picks a
// development persona, runs README's country brief and must get data from all four agencies,
// while every request the page makes stays on the gateway's own origin.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './hub';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let hub: Hub;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  // A missing browser is a broken machine, not a reason to skip: CI installs it (.ci/run).
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install the Debian package (apt-get install -y chromium) to run the explorer test`);
  }
  [hub, browser] = await Promise.all([
    // Development mode with the development issuer, as `pnpm start` runs: the persona picker is on.
    startHub({}, { devIssuer: true }),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  ]);
  origin = new URL(hub.url).origin;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The whole text of a GraphiQL (CodeMirror 5) editor, not only the lines it has rendered. */
const editorText = (page: Page, selector: string) =>
  page.evaluate((s) => (globalThis as any).document.querySelector(s)?.CodeMirror?.getValue() ?? '', selector);

describe('the explorer in a browser', () => {
  it('runs the country brief as a persona, with no request leaving the gateway', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.getByLabel('Bearer token').isVisible()).toBe(true);

    // Picking a persona fetches its token, and GraphiQL introspects again as that caller.
    const introspection = page.waitForResponse(
      async (res) =>
        res.url() === `${origin}/graphql` &&
        res.request().headers().authorization !== undefined &&
        (res.request().postData() ?? '').includes('__schema'),
    );
    await page.selectOption('#iag-persona', 'cisa-analyst');
    const schemaResponse = await introspection;
    expect(schemaResponse.status()).toBe(200);
    expect(((await schemaResponse.json()) as any).data.__schema.queryType.name).toBe('Query');
    await page.locator('body[data-schema="loaded"]').waitFor();
    expect(await page.locator('#iag-token').inputValue()).toMatch(/^ey/);
    expect(await page.locator('#iag-status').textContent()).toContain('cisa:analyst-1');

    // The editor opens on the country brief; run it with the toolbar's run button.
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toContain('country(code: "NL")');
    const answer = page.waitForResponse(
      (res) => res.url() === `${origin}/graphql` && (res.request().postData() ?? '').includes('threatProducts'),
    );
    await page.locator('.graphiql-execute-button').click();
    const { data, errors } = (await (await answer).json()) as any;
    expect(errors).toBeUndefined();
    const nl = data.country;
    expect(nl.name).toBe('Netherlands'); // state
    expect(nl.organizations.some((o: any) => o.maturity?.level)).toBe(true); // partners
    expect(nl.engagements.edges.length).toBeGreaterThan(0); // dhs
    expect(nl.dependencies.edges[0].node.asset.name).toBeTruthy(); // cisa
    expect(nl.threatProducts.edges.length).toBeGreaterThan(0); // cisa -> partners

    // ...and the result pane shows it.
    const firstEngagement: string = nl.engagements.edges[0].node.title;
    const firstAsset: string = nl.dependencies.edges[0].node.asset.name;
    await page.waitForFunction(() => {
      const pane = (globalThis as any).document.querySelector('.result-window .CodeMirror')?.CodeMirror;
      return pane?.getValue().includes('"Netherlands"');
    });
    const result = await editorText(page, '.result-window .CodeMirror');
    expect(result).toContain(firstEngagement);
    expect(result).toContain(firstAsset);
    await page.locator('.result-window').getByText('"Netherlands"').waitFor();

    // The docs explorer has the schema.
    await page.locator('button[aria-label*="Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}explorer.png` });

    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requests.some((url) => url.startsWith(`${origin}/explorer/dev-token?persona=cisa-analyst`))).toBe(true);
    // No CSP violation, no script error: "Refused to ..." would show here.
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});

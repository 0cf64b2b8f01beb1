// Test support: checks a CSAF 2.0 document the way the BSI validator (Secvisogram) does, so that
// tests fail on what a CSAF consumer would reject. Tests only; the runtime never loads the validator.
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as optionalTests from '@secvisogram/csaf-validator-lib/optionalTests.js';
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js';
import type { DocumentTest } from '@secvisogram/csaf-validator-lib/mandatoryTests.js';

type Kind = 'errors' | 'warnings';

// Each test reports findings as { instancePath, message }; one line per finding names the test too,
// e.g. "mandatoryTest_6_1_11 /vulnerabilities/0/cwe/name: the name does not match …".
async function run(tests: DocumentTest[], document: unknown, kind: Kind): Promise<string[]> {
  const lines: string[] = [];
  for (const test of tests) {
    const result = await test(document);
    const findings = result[kind] ?? [];
    for (const f of findings) lines.push(`${test.name} ${f.instancePath || '/'}: ${f.message}`);
    // A failing test with nothing to say would otherwise read as a pass.
    if (kind === 'errors' && result.isValid === false && findings.length === 0) lines.push(`${test.name}: invalid`);
  }
  return lines;
}

/**
 * The problems that make `document` invalid CSAF 2.0: the strict JSON schema (no properties the
 * standard does not define) and every mandatory test (6.1.x). [] when the document is valid.
 */
export function csafProblems(document: unknown): Promise<string[]> {
  return run([schemaTests.csaf_2_0_strict, ...Object.values(mandatoryTests)], document, 'errors');
}

/** What the recommended tests (6.2.x, "optional" in the library) warn about; a valid document may have some. */
export function csafRecommendations(document: unknown): Promise<string[]> {
  return run(Object.values(optionalTests), document, 'warnings');
}

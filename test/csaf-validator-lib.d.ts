// Types for the test modules of @secvisogram/csaf-validator-lib (plain ESM JavaScript without
// declarations) that test/csaf-validate.ts imports: each exports document tests by name.
declare module '@secvisogram/csaf-validator-lib/*.js' {
  namespace tests {
    type Finding = { message: string; instancePath: string };
    type TestResult = { isValid?: boolean; errors?: Finding[]; warnings?: Finding[]; infos?: Finding[] };
    type DocumentTest = (doc: unknown) => TestResult | Promise<TestResult>;
  }
  const tests: Record<string, tests.DocumentTest>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: { id: string; name: string }[];
}

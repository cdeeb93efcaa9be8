import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../utils/checklist';
import { CHECKS } from '../../utils/checks';

const docs = readFileSync(resolve('docs/checks.md'), 'utf8');

describe('the check registry', () => {
  it('registers every check once, each in its own file named after it', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(() => readFileSync(resolve(`utils/checks/${id}.ts`))).not.toThrow();
  });

  it('documents every check and every finding code in docs/checks.md', () => {
    for (const check of CHECKS) {
      expect(docs, check.id).toContain(`\`${check.id}\``);
      for (const code of check.findings) expect(docs, code).toContain(`\`${code}\``);
    }
  });

  it('lets checks decide only page-decided steps', () => {
    const pageSteps = new Set(STEPS.filter((s) => s.decidedBy === 'page').map((s) => s.id));
    for (const check of CHECKS)
      for (const step of check.steps) expect(pageSteps, `${check.id} → ${step}`).toContain(step);
    const decided = new Set(CHECKS.flatMap((c) => c.steps));
    for (const step of pageSteps) expect(decided, `${step} is page-decided but no check decides it`).toContain(step);
  });

  it('has a test file for every check', () => {
    for (const check of CHECKS)
      expect(existsSync(resolve(`tests/unit/checks/${check.id}.test.ts`)), check.id).toBe(true);
  });
});

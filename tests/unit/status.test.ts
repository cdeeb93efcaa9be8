import { describe, expect, it } from 'vitest';
import type { Check } from '../../utils/checks/types';
import { nextStep } from '../../utils/flow';
import { newSetup, type Setup } from '../../utils/setup';
import { deriveState } from '../../utils/status';

const setup = (patch: Partial<Setup> = {}): Setup => ({ ...newSetup('s', 0), ...patch });
const fixed = (result: ReturnType<Check['run']>): Check => ({ id: 't', findings: [], steps: [], run: () => result });

describe('status derivation', () => {
  it('starts with every step to do', () => {
    const state = deriveState(setup());
    expect(Object.values(state.steps).every((s) => s.status === 'todo' && s.source === 'none')).toBe(true);
    expect(state.progress).toEqual({ done: 0, total: 25, problems: 0 });
  });

  it('works with no setup at all', () => {
    expect(deriveState(undefined).progress.total).toBe(25);
  });

  it('counts manual ticks and leaves skipped steps out of the total', () => {
    const state = deriveState(setup({ manual: { 'test-accounts': 'done', 'prereq-okta-lcm': 'skipped' } }));
    expect(state.steps['test-accounts']).toEqual({ status: 'done', source: 'user' });
    expect(state.steps['prereq-okta-lcm'].status).toBe('skipped');
    expect(state.progress).toEqual({ done: 1, total: 24, problems: 0 });
  });

  it('takes a page verdict, with its evidence and time', () => {
    const check = fixed({ steps: { 'groups-push': { status: 'done', evidence: 'seen', at: 5 } } });
    expect(deriveState(setup(), undefined, [check]).steps['groups-push']).toEqual({
      status: 'done',
      source: 'page',
      evidence: 'seen',
      at: 5,
    });
  });

  it('lets a problem on the page win over an earlier manual tick', () => {
    const check = fixed({ steps: { 'groups-push': { status: 'problem', evidence: 'a group failed' } } });
    const state = deriveState(setup({ manual: { 'groups-push': 'done' } }), undefined, [check]);
    expect(state.steps['groups-push'].status).toBe('problem');
    expect(state.progress.problems).toBe(1);
  });

  it('lets a manual tick win over an unknown page verdict', () => {
    const check = fixed({ steps: { 'groups-push': { status: 'unknown', evidence: 'list still loading' } } });
    expect(
      deriveState(setup({ manual: { 'groups-push': 'done' } }), undefined, [check]).steps['groups-push'].status,
    ).toBe('done');
    expect(deriveState(setup(), undefined, [check]).steps['groups-push'].status).toBe('unknown');
  });

  it('marks the step a problem finding belongs to, but not for a warning', () => {
    const finding = { code: 'x', title: 'X', explanation: 'e', fix: 'f', step: 'assign-groups' as const };
    expect(
      deriveState(setup(), undefined, [fixed({ findings: [{ ...finding, severity: 'problem' }] })]).steps[
        'assign-groups'
      ].status,
    ).toBe('problem');
    expect(
      deriveState(setup(), undefined, [fixed({ findings: [{ ...finding, severity: 'warning' }] })]).steps[
        'assign-groups'
      ].status,
    ).toBe('todo');
  });

  it('finds the next step that needs the admin, in order', () => {
    const state = deriveState(setup({ manual: { 'prereq-guard-plan': 'done', 'prereq-okta-lcm': 'skipped' } }));
    expect(nextStep(state)).toBe('prereq-org-admin');
    expect(nextStep(state, ['prereq-guard-plan'])).toBeUndefined();
  });
});

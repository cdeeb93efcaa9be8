import { describe, expect, it } from 'vitest';
import { credentialsMissing } from '../../../utils/checks/credentials-missing';
import { input, integration } from './integration-helpers';

const codes = (r: ReturnType<typeof integration> | undefined, vault: Parameters<typeof input>[1]) =>
  (credentialsMissing.run(input(r, vault)).findings ?? []).map((f) => f.code);

describe('credentials-missing', () => {
  it('tells the admin where to get the values when the form needs them and nothing is held', () => {
    expect(codes(integration(), 'empty')).toEqual(['credentials-missing']);
    expect(codes(integration(), 'cleared')).toEqual(['credentials-missing']);
    expect(codes(integration({ mode: 'not-configured', apiEnabled: false }), 'empty')).toEqual(['credentials-missing']);
  });

  it('says the values expired when they did', () => {
    expect(codes(integration(), 'expired')).toEqual(['credentials-expired']);
  });

  it('says nothing while values are held, or the vault is not known yet', () => {
    expect(codes(integration(), 'held')).toEqual([]);
    expect(codes(integration(), 'unknown')).toEqual([]);
  });

  it('says nothing once Okta has its values, or without a reading of the pane', () => {
    expect(codes(integration({ mode: 'read', apiEnabled: true }), 'empty')).toEqual([]);
    expect(codes(integration({ apiToken: 'filled' }), 'empty')).toEqual([]);
    expect(codes(integration({ test: 'passed' }), 'expired')).toEqual([]);
    expect(codes(undefined, 'empty')).toEqual([]);
  });
});

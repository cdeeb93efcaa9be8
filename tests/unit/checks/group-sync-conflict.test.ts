import { describe, expect, it } from 'vitest';
import { groupSyncConflict } from '../../../utils/checks/group-sync-conflict';
import type { AtlassianDirectoryReading } from '../../../utils/readers/atlassian-directory';
import { readAtlassianDirectory } from '../../../utils/readers/atlassian-directory';
import { ATLASSIAN_PAGES, renderAtlassianPage } from '../readers/atlassian-fixture';
import { findingsOf, inputOf } from './okta-readings';

const directory = (patch: Partial<AtlassianDirectoryReading> = {}) => ({
  kind: 'atlassian-directory' as const,
  provisioning: 'set-up' as const,
  unsyncedGroups: 0,
  at: 60,
  ...patch,
});

describe('group-sync-conflict', () => {
  it('flags the groups the directory page could not sync, with the Review groups › Sync group fix', () => {
    const [f, ...rest] = findingsOf(groupSyncConflict, inputOf(directory({ unsyncedGroups: 2 })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'group-sync-conflict',
      severity: 'problem',
      step: 'assign-verify-sync',
      title: 'Atlassian could not sync 2 groups',
    });
    expect(f?.explanation).toContain('2 groups');
    expect(f?.explanation).toContain('displayName already exists');
    expect(f?.fix).toMatch(/Review groups, then Sync group/);
  });

  it('names the groups when the Review groups dialog listed them', () => {
    const [f] = findingsOf(
      groupSyncConflict,
      inputOf(directory({ unsyncedGroups: 1, reviewGroups: [{ name: 'atlassian-test-confluence-users' }] })),
    );
    expect(f?.title).toBe('Atlassian could not sync 1 group');
    expect(f?.explanation).toContain('"atlassian-test-confluence-users" from Okta was not synced');
  });

  it('says nothing without a warning, before the page was read, or when the count is unknown', () => {
    expect(findingsOf(groupSyncConflict, inputOf())).toEqual([]);
    expect(findingsOf(groupSyncConflict, inputOf(directory()))).toEqual([]);
    for (const provisioning of ['set-up', 'not-set-up', 'unknown'] as const)
      expect(
        findingsOf(groupSyncConflict, inputOf(directory({ provisioning, unsyncedGroups: 'unknown' }))),
        provisioning,
      ).toEqual([]);
  });

  it('follows the fixture page: a warning in push-error, none once configured', { timeout: 30_000 }, async () => {
    const run = async (state: 'push-error' | 'configured') => {
      const reading = readAtlassianDirectory(await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, state));
      return findingsOf(groupSyncConflict, inputOf(reading ? { ...reading, at: 1 } : undefined)).map((f) => f.code);
    };
    expect(await run('push-error')).toEqual(['group-sync-conflict']);
    expect(await run('configured')).toEqual([]);
  });
});

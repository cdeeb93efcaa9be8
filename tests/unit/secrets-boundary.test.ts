import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file shipped in the extension. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const FILES = ['entrypoints', 'components', 'utils'].flatMap((d) => sources(resolve(d)));
const read = (f: string) => readFileSync(f, 'utf8');

describe('where the secret can be (../shared/security.md)', () => {
  it('only the background vault service touches the vault item', () => {
    const users = FILES.filter((f) => /\bvaultItem\b/.test(read(f))).map((f) => f.replace(`${resolve('.')}/`, ''));
    expect(users.sort()).toEqual(['utils/background/vault-service.ts', 'utils/storage.ts']);
  });

  it('keeps the vault in storage.session', () => {
    expect(read(resolve('utils/storage.ts'))).toMatch(/storage\.defineItem<[^>]+>\('session:vault'/);
  });

  it('never widens access to storage.session, never uses page storage', () => {
    for (const f of FILES) {
      const text = read(f);
      expect(text, f).not.toMatch(/setAccessLevel\s*\(/);
      expect(text, f).not.toMatch(/\b(localStorage|sessionStorage|indexedDB)\b/);
      expect(text, f).not.toMatch(/onMessageExternal|onConnectExternal/);
    }
  });

  it('asks only for the permissions it needs', () => {
    const config = read(resolve('wxt.config.ts'));
    expect(config).not.toMatch(/<all_urls>|'tabs'|clipboardRead|web_accessible_resources|externally_connectable/);
  });
});

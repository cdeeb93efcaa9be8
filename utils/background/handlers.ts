/** What the background does for each message. Storage writes go through one queue so none is lost. */
import type { Answer, MessageType, Payload } from '../messages';
import { type Reading, type ReadingObservation, visitKey } from '../observations';
import { detectPage } from '../pages';
import { applyPatch } from '../reading-patch';
import { isReading, READING_SITE } from '../readings';
import {
  applySighting,
  atlassianAppIds,
  forgetObservations,
  markStep,
  recordObservation,
  resetSetup,
  type SetupsState,
  selectSetup,
} from '../setup';
import { atlassianAppsItem, settingsItem, setupsItem } from '../storage';
import { type CredentialDeps, createCredentialHandlers } from './credential-handlers';
import type { PageViews } from './page-views';
import type { HandlerContext } from './router';
import { createScimHandlers } from './scim-handlers';
import { createScimService, type ScimDeps } from './scim-service';

type Handler<K extends MessageType> = (payload: Payload<K>, ctx: HandlerContext) => Promise<Answer<K>>;

export interface BackgroundDeps extends CredentialDeps {
  now: () => number;
  makeId: () => string;
  /** Opens the checklist beside the sender's tab; throws with a readable message where it cannot. */
  openChecklist: (ctx: HandlerContext) => Promise<void>;
  /** Inject the overlay script into a tab's top frame. */
  injectOverlay: (tabId: number) => Promise<void>;
  /** The overlays' view: derived here, sent to the tabs that asked (utils/background/page-views.ts). */
  pageViews: Pick<PageViews, 'subscribe'>;
  /** How the background reaches api.atlassian.com (the optional permission, fetch, pacing, progress). */
  scimApi: Pick<ScimDeps, 'fetch' | 'hasApiPermission' | 'sleep' | 'setProgress'> & {
    requestApiPermission: () => Promise<boolean>;
  };
}

const OK = { ok: true as const, value: undefined };
const STALE = { ok: false as const, error: 'The page must send the whole reading.', code: 'reading-stale' };
const MALFORMED = { ok: false as const, error: 'The request was malformed and nothing was changed.' };

export function createHandlers(deps: BackgroundDeps): { [K in MessageType]: Handler<K> } {
  let queue: Promise<unknown> = Promise.resolve();
  const updateSetups = (change: (s: SetupsState) => SetupsState) => {
    const run = queue.then(async () => {
      const before = await setupsItem.getValue();
      const after = change(before);
      if (after === before) return;
      await setupsItem.setValue(after);
      const apps = atlassianAppIds(after);
      if (apps.join() !== atlassianAppIds(before).join()) await atlassianAppsItem.setValue(apps);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const record = (key: string, obs: Parameters<typeof recordObservation>[2]) =>
    updateSetups((s) => recordObservation(s, key, obs, deps.now(), deps.makeId));
  const scim = createScimService({
    ...deps.scimApi,
    vault: deps.vault,
    now: deps.now,
    recordVerification: (outcome) =>
      record('scim-verification', { kind: 'scim-verification', outcome, at: deps.now() }),
    recordGroups: (groups, complete) =>
      record('scim-groups', { kind: 'scim-groups', groups, complete, at: deps.now() }),
  });

  /**
   * Stores what a page read, as `make` builds it from the stored observation of that kind. Okta readings
   * count only on the recognised Atlassian Cloud app. Answers the new revision (patches are made against it).
   */
  async function storeReading(
    readingKind: Reading['kind'],
    { sender, kind }: HandlerContext,
    make: (stored: ReadingObservation | undefined) => Reading | Answer<'observed'>,
  ): Promise<Answer<'observed'>> {
    if (kind !== `${READING_SITE[readingKind]}-page`)
      return { ok: false, error: 'That reading does not belong to this site.' };
    const info = detectPage(sender.url ?? '');
    const now = deps.now();
    let answer: Answer<'observed'> = { ok: false, error: 'This page is not the Atlassian Cloud app of this setup.' };
    await updateSetups((state) => {
      const active = state.activeId ? state.setups[state.activeId] : undefined;
      const appId = info.site === 'okta' ? info.app?.id : undefined;
      if (info.site === 'okta' && (!appId || active?.oktaApp?.id !== appId)) return state;
      const stored = active?.observations[readingKind] as ReadingObservation | undefined;
      const made = make(stored?.kind === readingKind && stored.appId === appId ? stored : undefined);
      if ('ok' in made) {
        answer = made;
        return state;
      }
      const rev = (stored?.rev ?? 0) + 1;
      answer = { ok: true, value: { rev } };
      return recordObservation(
        state,
        readingKind,
        { ...made, at: now, ...(appId ? { appId } : {}), rev },
        now,
        deps.makeId,
      );
    });
    return answer;
  }

  return {
    ...createCredentialHandlers(deps, (via, kind) =>
      updateSetups((s) => {
        const captured = recordObservation(
          s,
          'credentials-captured',
          { kind: 'credentials-captured', via, at: deps.now() },
          deps.now(),
          deps.makeId,
        );
        // What the SCIM API said about the previous key says nothing about a different one.
        return kind === 'same'
          ? captured
          : forgetObservations(captured, ['scim-verification', 'scim-groups'], deps.now());
      }),
    ),
    ...createScimHandlers({ scim, requestApiPermission: deps.scimApi.requestApiPermission }),
    observed: ({ reading }, ctx) => storeReading(reading.kind, ctx, () => reading),
    'observed-patch': (patch, ctx) =>
      storeReading(patch.kind, ctx, (stored) => {
        // Made against another revision (another tab wrote meanwhile, or nothing is stored): send it whole.
        if (!stored || stored.rev !== patch.base) return STALE;
        const next = applyPatch(stored, patch);
        return next && isReading(next) ? next : MALFORMED;
      }),
    async 'page-seen'(payload, { sender }) {
      // The URL comes from the browser's sender record, never from the payload.
      const info = detectPage(sender.url ?? '', payload.hints);
      if (info.site === 'none') return { ok: false, error: 'Not a page of this setup.' };
      const now = deps.now();
      await updateSetups((state) => {
        const sighting =
          info.site === 'okta'
            ? { kind: 'okta' as const, oktaOrg: info.oktaOrg, adminOrigin: info.adminOrigin }
            : { kind: 'atlassian' as const, atlassianOrgId: info.atlassianOrgId, siteId: info.siteId };
        let next = applySighting(state, sighting, now, deps.makeId);
        const active = next.activeId ? next.setups[next.activeId] : undefined;
        let atlassianApp = payload.atlassianApp;
        if (info.site === 'okta' && info.app && active) {
          // A recognised app is remembered, so its tabs count even where the title is not visible.
          if (atlassianApp === true && active.oktaApp?.id !== info.app.id) {
            next = {
              ...next,
              setups: { ...next.setups, [active.id]: { ...active, oktaApp: { id: info.app.id, path: info.app.path } } },
            };
          } else if (active.oktaApp?.id === info.app.id) {
            atlassianApp = true;
          }
        }
        // Another app's tabs say nothing about this setup, and must not overwrite the Atlassian app's visits.
        if (info.site === 'okta' && info.app && atlassianApp !== true) return next;
        return recordObservation(
          next,
          visitKey(info.page),
          {
            kind: 'page-visit',
            page: info.page,
            at: now,
            ...(info.site === 'okta' && info.app ? { atlassianApp } : {}),
          },
          now,
          deps.makeId,
        );
      });
      return OK;
    },
    async 'page-view'(_payload, { sender }) {
      if (sender.tab?.id === undefined) return { ok: false, error: 'No tab to send the view to.' };
      return { ok: true, value: await deps.pageViews.subscribe(sender.tab.id) };
    },
    async 'load-overlay'(_payload, { sender }) {
      if (sender.tab?.id === undefined) return { ok: false, error: 'No tab to load the overlay into.' };
      await deps.injectOverlay(sender.tab.id);
      return OK;
    },
    async 'mark-step'({ step, mark }) {
      await updateSetups((s) => markStep(s, step, mark, deps.now(), deps.makeId));
      return OK;
    },
    async 'reset-setup'({ setupId }) {
      const state = await setupsItem.getValue();
      if (!state.setups[setupId]) return { ok: false, error: 'That setup no longer exists. Nothing was reset.' };
      await updateSetups((s) => resetSetup(s, setupId, deps.now()));
      return OK;
    },
    async 'select-setup'({ setupId }) {
      const state = await setupsItem.getValue();
      if (!state.setups[setupId]) return { ok: false, error: 'That setup no longer exists.' };
      await updateSetups((s) => selectSetup(s, setupId));
      return OK;
    },
    async 'set-overlay'({ site, enabled }, { kind }) {
      if (kind !== 'extension-page' && kind !== `${site}-page`) {
        return { ok: false, error: 'A page can only change the overlay of its own site.' };
      }
      const settings = await settingsItem.getValue();
      await settingsItem.setValue({ ...settings, overlay: { ...settings.overlay, [site]: enabled } });
      return OK;
    },
    async 'set-overlay-expanded'({ expanded }) {
      const settings = await settingsItem.getValue();
      await settingsItem.setValue({ ...settings, overlayExpanded: expanded });
      return OK;
    },
    async 'open-checklist'(_payload, ctx) {
      try {
        await deps.openChecklist(ctx);
        return OK;
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'The checklist could not be opened.' };
      }
    },
  };
}

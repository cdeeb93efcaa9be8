/**
 * `npm run demo`: the built extension in a real browser, on the fixture pages served at their real
 * host names. Builds nothing: run `npm run build` first.
 *
 *   npm run demo                          Chromium, fixture server on port 8443
 *   npm run demo -- --fixture configured  open the pages in a given state (see the printed list)
 *   npm run demo -- --headless            smoke check: start, check the extension and pages load, exit
 *   npm run demo -- --firefox             Firefox ESR through web-ext (needs port 443, so root)
 *   npm run demo -- --verbose             show the browser's own output
 *
 * Browser: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, or a Chrome for Testing /
 * Playwright Chromium under ~/.cache. Branded Google Chrome ignores --load-extension.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FIXTURE_STATES, type FixtureState, HOSTS } from '../tests/fixtures/data';
import { fixtureGuide, fixturePages, withFixtureState } from '../tests/fixtures/guide';
import { type FixtureServer, startFixtureServer } from '../tests/fixtures/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROME_DIST = path.join(ROOT, '.output', 'chrome-mv3');
const FIREFOX_DIST = path.join(ROOT, '.output', 'firefox-mv2');
const PROFILE = path.join(ROOT, '.demo-profile');
const SMOKE_TIMEOUT_MS = 30_000;

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    fixture: { type: 'string' },
    headless: { type: 'boolean', default: false },
    firefox: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

if (args.help) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('*/')[0]
      ?.replace(/^\/\*\*|^ \* ?/gm, ''),
  );
  process.exit(0);
}

const state = args.fixture as FixtureState | undefined;
if (state !== undefined && !FIXTURE_STATES.includes(state)) {
  fail(`Unknown --fixture "${state}". Choose one of: ${FIXTURE_STATES.join(', ')}.`);
}
const port = Number(args.port ?? (args.firefox ? 443 : 8443));
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${args.port}".`);
if (args.firefox && port !== 443) {
  fail('Firefox cannot map host names to another port (network.dns.localDomains maps names only): use --port 443.');
}

const dist = args.firefox ? FIREFOX_DIST : CHROME_DIST;
if (!existsSync(path.join(dist, 'manifest.json'))) {
  fail(`No extension build at ${path.relative(ROOT, dist)}. Run \`npm run build\` first, then \`npm run demo\` again.`);
}

/** A Chromium that honours --load-extension, or why there is none. */
function findChromium(): { executable?: string; brandedOnly?: string } {
  const home = os.homedir();
  const underCache = (dir: string, tail: string[]): string[] => {
    const base = path.join(home, '.cache', dir);
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .sort()
      .reverse()
      .flatMap((version) => tail.map((t) => path.join(base, version, t)));
  };
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    // Chrome for Testing, as installed by `npx @puppeteer/browsers install chrome` or puppeteer.
    ...underCache('puppeteer/chrome', ['chrome-linux64/chrome']),
    ...underCache('chrome', ['chrome-linux64/chrome']),
    // Playwright's Chromium builds.
    ...underCache('ms-playwright', ['chrome-linux/chrome', 'chrome-linux64/chrome']),
  ].filter((c): c is string => Boolean(c));
  const isBranded = (p: string) => /google-chrome|\/opt\/google\/chrome\/|Google Chrome\.app/.test(p);
  let brandedOnly: string | undefined;
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    if (isBranded(candidate)) brandedOnly ??= candidate;
    else return { executable: candidate };
  }
  for (const chrome of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome']) {
    if (existsSync(chrome)) brandedOnly ??= chrome;
  }
  return { brandedOnly };
}

const NO_CHROMIUM = `Install one of:
  - Debian/Ubuntu Chromium:  sudo apt-get install chromium
  - Chrome for Testing:      npx @puppeteer/browsers install chrome@stable   (then set CHROMIUM_PATH to the printed path)
Or point CHROMIUM_PATH at any Chromium build.`;

let server: FixtureServer;
try {
  server = await startFixtureServer({ port, host: '127.0.0.1' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES')
    fail(`Port ${port} needs root (or CAP_NET_BIND_SERVICE). Run as root, or pick another port for Chromium.`);
  if (code === 'EADDRINUSE') fail(`Port ${port} is in use. Stop whatever uses it, or pass --port <another>.`);
  throw error;
}

const pages = fixturePages();
const open = (url: string) => (state ? withFixtureState(url, state) : url);
const startUrls = [open(pages.atlassianIdentityProviders), open(pages.oktaApp)];

let browser: ChildProcess | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  if (browser && browser.exitCode === null && browser.pid) {
    // web-ext tidies up its Firefox on SIGINT; Chromium closes on SIGTERM.
    browser.kill(args.firefox ? 'SIGINT' : 'SIGTERM');
    await new Promise((resolve) => {
      browser?.once('exit', resolve);
      setTimeout(resolve, 5000);
    });
  }
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

function printGuide(browserName: string) {
  console.log(`\nSCIM Setup Assistant demo: ${browserName} with ${path.relative(ROOT, dist)}`);
  console.log(`Fixture server: https://127.0.0.1:${server.port} (host names mapped to it)\n`);
  console.log(fixtureGuide());
  console.log(`\nOpened: ${startUrls.join('\n        ')}`);
  console.log(
    'Walk the guide: Atlassian › Okta directory › Set up user provisioning › copy, then Okta › Provisioning.',
  );
  console.log('Ctrl-C stops the browser and the server.\n');
}

/** Closing the browser window ends the demo too. */
function watchBrowser(child: ChildProcess): ChildProcess {
  child.on('exit', (code) => {
    if (stopping) return;
    console.log(`Browser exited${code ? ` with code ${code}` : ''}.`);
    void stop(code ?? 0);
  });
  child.on('error', (error) => {
    console.error(`Could not start the browser: ${error.message}`);
    void stop(1);
  });
  return child;
}

async function readJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json();
}

/** --headless: the extension's service worker is up and both pages loaded at their real names. */
async function chromiumSmokeCheck(): Promise<boolean> {
  const portFile = path.join(PROFILE, 'DevToolsActivePort');
  const deadline = Date.now() + SMOKE_TIMEOUT_MS;
  let targets: { type: string; url: string; title: string }[] = [];
  let openedRest = false;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    if (browser?.exitCode !== null) break;
    if (!existsSync(portFile)) continue;
    const devtools = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
    try {
      if (!openedRest) {
        for (const url of startUrls.slice(1)) await fetch(`${devtools}/json/new?${url}`, { method: 'PUT' });
        openedRest = true;
      }
      targets = (await readJson(`${devtools}/json/list`)) as typeof targets;
    } catch {
      continue;
    }
    const worker = targets.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    const titled = ['Identity providers', 'Atlassian Cloud'].every((title) =>
      targets.some((t) => t.type === 'page' && t.title.includes(title)),
    );
    if (worker && titled) break;
  }
  const worker = targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  console.log(`Extension service worker: ${worker ? worker.url : 'NOT FOUND'}`);
  for (const t of targets.filter((t) => t.type === 'page')) console.log(`Page: ${t.title || '(no title)'}  ${t.url}`);
  const ok =
    Boolean(worker) &&
    ['Identity providers', 'Atlassian Cloud'].every((title) =>
      targets.some((t) => t.type === 'page' && t.title.includes(title)),
    );
  console.log(ok ? '\nSmoke check passed.' : '\nSmoke check FAILED.');
  return ok;
}

if (args.firefox) {
  const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (f) => f && existsSync(f),
  );
  if (!firefox) {
    await server.close();
    fail('No Firefox found. Install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH.');
  }
  const webExt = path.join(ROOT, 'node_modules', '.bin', 'web-ext');
  const hosts = [HOSTS.oktaAdmin, HOSTS.oktaEndUser, HOSTS.atlassianAdmin, HOSTS.atlassianApi].join(',');
  const webExtArgs = [
    'run',
    '--source-dir',
    dist,
    '--firefox',
    firefox,
    '--no-reload',
    '--no-input',
    '--no-config-discovery',
    '--pref',
    `network.dns.localDomains=${hosts}`,
    '--pref',
    'network.dns.disableIPv6=true',
    ...startUrls.flatMap((u) => ['--start-url', u]),
    ...(args.headless ? ['--arg=-headless'] : []),
  ];
  browser = watchBrowser(spawn(webExt, webExtArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  printGuide(`Firefox (${firefox}) through web-ext`);
  console.log(
    'Firefox has no switch to skip certificate checks: on each site choose Advanced › Accept the Risk and Continue once.\n',
  );
  let installed = false;
  const watch = (chunk: Buffer) => {
    const text = chunk.toString();
    if (args.verbose) process.stdout.write(text);
    if (/Installed .* as a temporary add-on/.test(text)) {
      installed = true;
      console.log('Extension installed as a temporary add-on.');
      if (args.headless) void stop(0);
    }
  };
  browser.stdout?.on('data', watch);
  browser.stderr?.on('data', watch);
  if (args.headless) {
    setTimeout(() => {
      if (!installed) {
        console.log('Smoke check FAILED: the extension was not installed in time (rerun with --verbose).');
        void stop(1);
      }
    }, SMOKE_TIMEOUT_MS);
  }
} else {
  const { executable, brandedOnly } = findChromium();
  if (!executable) {
    await server.close();
    fail(
      brandedOnly
        ? `Only Google Chrome was found (${brandedOnly}). Branded Chrome no longer loads unpacked extensions from the command line.\n${NO_CHROMIUM}`
        : `No Chromium found.\n${NO_CHROMIUM}`,
    );
  }
  const map = [`*.okta.com`, HOSTS.atlassianAdmin, HOSTS.atlassianApi]
    .map((h) => `MAP ${h} 127.0.0.1:${server.port}`)
    .join(', ');
  const isRoot = process.getuid?.() === 0;
  rmSync(path.join(PROFILE, 'DevToolsActivePort'), { force: true });
  const chromiumArgs = [
    `--user-data-dir=${PROFILE}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    // Chrome 137+ turns --load-extension off with this feature; Chromium builds leave it on.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--host-resolver-rules=${map}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    ...(isRoot ? ['--no-sandbox'] : []),
    ...(args.headless ? ['--headless=new', '--remote-debugging-port=0'] : []),
    // Headless Chromium takes one start URL; the smoke check opens the other through DevTools.
    ...(args.headless ? startUrls.slice(0, 1) : startUrls),
  ];
  const output = args.verbose ? 'inherit' : 'ignore';
  browser = watchBrowser(spawn(executable, chromiumArgs, { stdio: ['ignore', output, output] }));
  printGuide(`Chromium (${executable})`);
  if (args.headless) {
    const ok = await chromiumSmokeCheck();
    await stop(ok ? 0 : 1);
  }
}

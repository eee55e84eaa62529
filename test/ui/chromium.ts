/**
 * Debian's Chromium for the editor test: installed with apt-get when /usr/bin/chromium is missing (as root, which CI
 * is), then launched headless by playwright-core, which drives it over the DevTools protocol and downloads no browser.
 *
 * The flags keep Chromium from reaching out on its own (updates, sync, field trials, QUIC): on a closed network those
 * background connections are refused and only add noise and delay. Each launch gets a new, empty profile folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

import { chromium, selectors, type BrowserContext } from 'playwright-core';

import { tempDir } from '../runner/cli';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

function run(file: string, args: string[]) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const result = spawnSync(file, args, {
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	if (result.status !== 0)
		throw new Error(
			`${file} ${args.join(' ')} failed (exit ${result.status}): ${String(result.stderr ?? '').slice(-2000) || result.error?.message}`,
		);
}

/** apt-get installs Debian's chromium when /usr/bin/chromium is missing (waiting for another apt run's lock). */
export function ensureChromium(log: Log = stderrLog) {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`The editor test needs Debian's Chromium at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium" as root, or run this as root`,
		);
	}
	log("Installing Debian's chromium (apt-get)…");
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	run('apt-get', [...lock, 'update']);
	run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'chromium']);
	if (!existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

export function chromiumVersion(): string {
	return spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/**
 * Headless Chromium with a new, empty profile folder (playwright-core takes the folder as launchPersistentContext's
 * argument and refuses a --user-data-dir flag); `close()` also deletes the folder.
 */
export async function launchChromium(options: {
	viewport: { width: number; height: number };
}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	ensureChromium();
	// n8n's editor marks its elements with data-test-id (getByTestId looks for data-testid otherwise).
	selectors.setTestIdAttribute('data-test-id');
	const profile = tempDir('chromium-profile-');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: options.viewport,
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

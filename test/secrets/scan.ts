/**
 * The secrets scan: every file the test run left for it (see record.ts) is searched for every secret the run used,
 * in the forms a leak takes — as is, URL-encoded, base64 (a Basic auth header carries `base64(key:)`).
 * A hit names the file and the secret's name; the value is never printed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { RegisteredSecret, SecretKind } from './record';
import { MIN_SECRET_LENGTH } from './record';

export interface ScanTarget {
	file: string;
	/** Which secrets must not be in this file. */
	kinds: SecretKind[];
}

export interface SecretHit {
	file: string;
	/** The secret's name, e.g. `Lever simulator API key` or `credentials file c.json: credential "Lever" field "apiKey"`. */
	secret: string;
	/** Which form was found: raw, url-encoded, base64, basic-auth. */
	form: string;
}

export interface ScanReport {
	filesScanned: number;
	bytesScanned: number;
	secretsChecked: number;
	hits: SecretHit[];
}

function filesUnder(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
	});
}

/** Secrets registered by every test process of the run; one entry per value ('credential' wins over 'issued'). */
export function readRegisteredSecrets(runFolder: string): RegisteredSecret[] {
	const byValue = new Map<string, RegisteredSecret>();
	for (const file of filesUnder(path.join(runFolder, 'secrets'))) {
		for (const line of readFileSync(file, 'utf8').split('\n')) {
			if (!line) continue;
			const secret = JSON.parse(line) as RegisteredSecret;
			const known = byValue.get(secret.value);
			if (!known) byValue.set(secret.value, secret);
			else if (secret.kind === 'credential' && known.kind === 'issued')
				byValue.set(secret.value, { ...known, kind: 'credential' });
		}
	}
	return [...byValue.values()];
}

/** The forms of a secret to look for, each at least MIN_SECRET_LENGTH long. */
function formsOf(value: string): Array<[form: string, text: string]> {
	const forms: Array<[string, string]> = [
		['raw', value],
		['url-encoded', encodeURIComponent(value)],
		['basic-auth', Buffer.from(`${value}:`).toString('base64').replace(/=+$/, '')],
		['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')],
	];
	const seen = new Set<string>();
	return forms.filter(
		([, text]) => text.length >= MIN_SECRET_LENGTH && !seen.has(text) && seen.add(text),
	);
}

export function scanForSecrets(targets: ScanTarget[], secrets: RegisteredSecret[]): ScanReport {
	const report: ScanReport = {
		filesScanned: 0,
		bytesScanned: 0,
		secretsChecked: secrets.length,
		hits: [],
	};
	const searched = secrets
		.filter((secret) => secret.value.length >= MIN_SECRET_LENGTH)
		.map((secret) => ({ secret, forms: formsOf(secret.value) }));
	for (const target of targets) {
		// latin1 keeps every byte as one character, so a non-UTF-8 file is searched byte for byte.
		const text = readFileSync(target.file, 'latin1');
		report.filesScanned++;
		report.bytesScanned += statSync(target.file).size;
		for (const { secret, forms } of searched) {
			if (!target.kinds.includes(secret.kind)) continue;
			const found = forms.find(([, form]) => text.includes(form));
			if (found) report.hits.push({ file: target.file, secret: secret.name, form: found[0] });
		}
	}
	return report;
}

/** Jest snapshot files anywhere under the test roots (`__snapshots__/*.snap`). */
export function snapshotFiles(testRoot: string): string[] {
	return filesUnder(testRoot).filter(
		(file) => file.endsWith('.snap') && file.includes(`${path.sep}__snapshots__${path.sep}`),
	);
}

/** What one test run left to scan: printed output and snapshots for every secret, state-file copies for configured ones. */
export function runTargets(runFolder: string, testRoot: string): ScanTarget[] {
	return [
		...filesUnder(path.join(runFolder, 'output')).map((file) => ({
			file,
			kinds: ['credential', 'issued'] as SecretKind[],
		})),
		...snapshotFiles(testRoot).map((file) => ({
			file,
			kinds: ['credential', 'issued'] as SecretKind[],
		})),
		...filesUnder(path.join(runFolder, 'state')).map((file) => ({
			file,
			kinds: ['credential'] as SecretKind[],
		})),
	];
}

export function formatReport(report: ScanReport, runFolder: string): string {
	const lines = [
		`Secrets scan: ${report.filesScanned} files, ${report.bytesScanned} bytes, ${report.secretsChecked} secrets checked, ${report.hits.length} hits (${runFolder})`,
	];
	for (const hit of report.hits)
		lines.push(`  LEAK: ${hit.secret} found (${hit.form}) in ${hit.file}`);
	return lines.join('\n');
}

/**
 * What the test suite printed and which secrets it used, kept where the secrets scan (globalTeardown.ts) can see it.
 *
 * jest's globalSetup creates one folder per run and passes it to the workers as ATS_SYNC_TEST_OUTPUT:
 *   output/   every CLI stdout/stderr, dry-run report, node error and state file the tests produced (scanned)
 *   secrets/  the secrets the simulators issued and the tests configured, one NDJSON file per process (not scanned)
 * Outside jest (scripts/sim.js, demo, bench) ATS_SYNC_TEST_OUTPUT is unset and nothing is recorded.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const OUTPUT_ENV = 'ATS_SYNC_TEST_OUTPUT';

/**
 * 'credential': configured by a person (API key, client secret, signing secret): never in any output or state file.
 * 'issued': handed out at run time (OAuth tokens, webhook signing tokens): the state file is where the runner keeps
 * them (as n8n keeps them in its database), so only printed output and snapshots must not contain them.
 */
export type SecretKind = 'credential' | 'issued';

export interface RegisteredSecret {
	name: string;
	value: string;
	kind: SecretKind;
}

/** Shorter values (a "0", "prod") would match ordinary text; the masker ignores them for the same reason. */
export const MIN_SECRET_LENGTH = 8;

function runFolder(): string | undefined {
	return process.env[OUTPUT_ENV] || undefined;
}

/** Remembers a secret for the end-of-run scan; `name` says which one leaked, the value itself is never printed. */
export function registerSecret(name: string, value: unknown, kind: SecretKind = 'credential') {
	const folder = runFolder();
	if (!folder || typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
	appendFileSync(
		path.join(folder, 'secrets', `${process.pid}.ndjson`),
		`${JSON.stringify({ name, value, kind })}\n`,
	);
}

/** Credential fields whose values are secrets: the runner masks the same words (URLs such as accessTokenUrl are not). */
const isSecretField = (field: string) =>
	/key|secret|token|password|headerValue/i.test(field) && !/url$/i.test(field);

/** Registers the secret fields of credential data keyed by credential name (a credentials file's shape). */
export function registerCredentialSecrets(credentials: unknown, origin: string) {
	if (credentials === null || typeof credentials !== 'object') return;
	for (const [credential, entry] of Object.entries(credentials)) {
		if (entry === null || typeof entry !== 'object') continue;
		const record = entry as Record<string, unknown>;
		const data =
			typeof record.data === 'object' && record.data !== null
				? (record.data as Record<string, unknown>)
				: record;
		for (const [field, value] of Object.entries(data)) {
			if (!isSecretField(field) || typeof value !== 'string') continue;
			// A list field (several webhook signing tokens) leaks one token at a time.
			// A bare ${VAR} reference is not a secret; the CLI expands it from the environment (registered below).
			if (/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(value)) continue;
			for (const part of new Set([value, ...value.split(/[\s,]+/)]))
				registerSecret(`${origin}: credential "${credential}" field "${field}"`, part);
		}
	}
}

/** A credentials file a test passes to the CLI (JSON only; YAML files in tests carry ${VAR} references). */
export function registerCredentialsFile(file: string) {
	if (!runFolder() || !existsSync(file)) return;
	try {
		registerCredentialSecrets(
			JSON.parse(readFileSync(file, 'utf8')),
			`credentials file ${path.basename(file)}`,
		);
	} catch {
		// Not JSON (a YAML file, or a deliberately broken one in the bad-input corpus): nothing to learn from it.
	}
}

/** Credentials given through the environment: ATS_SYNC_CREDENTIALS and ATS_SYNC_CRED_<NAME>_<FIELD>. */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv | undefined) {
	for (const [name, value] of Object.entries(env ?? {})) {
		if (name === 'ATS_SYNC_CREDENTIALS' && value) {
			try {
				registerCredentialSecrets(JSON.parse(value), 'ATS_SYNC_CREDENTIALS');
			} catch {
				// deliberately invalid JSON in an error-path test
			}
		} else if (/KEY|SECRET|TOKEN|PASSWORD|HEADER_VALUE/.test(name) && !/URL$/.test(name)) {
			registerSecret(`environment variable ${name}`, value);
		}
	}
}

let sequence = 0;

/** One file per record, named after what produced it, so a hit points at the command or node that leaked. */
function recordFile(folder: string, sub: string, label: string, content: string | Buffer) {
	sequence++;
	const slug = label.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 80);
	writeFileSync(
		path.join(folder, sub, `${process.pid}-${sequence}-${slug}.log`),
		Buffer.concat([Buffer.from(`${label}\n`), Buffer.from(content)]),
	);
}

/** Keeps what a test process printed or wrote; `label` says which command or node it came from. */
export function recordOutput(label: string, text: string | undefined) {
	const folder = runFolder();
	if (folder && text) recordFile(folder, 'output', label, text);
}

/**
 * Copies a runner state file into the output folder. Its `oauthTokens` section and webhook signing keys are the
 * designated store for issued tokens, so the scan checks state copies for configured credentials only.
 */
export function recordStateFile(file: string | undefined) {
	const folder = runFolder();
	if (folder && file && existsSync(file))
		recordFile(folder, 'state', path.basename(file), readFileSync(file));
}

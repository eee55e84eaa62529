/**
 * A stand-in for an onboarding/HRIS system's "create employee" endpoint, strict in the ways that matter to the
 * hire → onboarding recipe: it authenticates (fixed header or HMAC body signature), requires an `Idempotency-Key`,
 * replays the stored result for a repeated key (and refuses the key with a different body), refuses a second
 * employee with the same email under another key (409), validates the record (400 naming the field; `customFields`
 * takes the system's own further fields as name → text, number, true/false or list of texts) and can be told to fail
 * the next requests (503, 429) to exercise retries.
 *
 * Its validation is written out here on its own, not imported from the node, so it checks the node's output.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type OnboardingAuth =
	| { header: string; value: string }
	| { hmacSecret: string; signatureHeader?: string };

export interface OnboardingSimulatorOptions {
	auth?: OnboardingAuth;
	/** 0 (default) picks a free port */
	port?: number;
}

export interface StoredEmployee {
	id: string;
	idempotencyKey: string;
	createdAt: string;
	record: Record<string, unknown>;
}

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
	status: number;
}

export interface OnboardingSimulator {
	/** The create-employee endpoint (POST). */
	url: string;
	baseUrl: string;
	/** Employees by id. */
	employees: Map<string, StoredEmployee>;
	requests: RecordedRequest[];
	/** The next `count` requests fail with `status` before anything is processed (429 carries `Retry-After: 0`). */
	failNext(count: number, status?: number): void;
	close(): Promise<void>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTERVALS = [
	'hour',
	'day',
	'week',
	'biweek',
	'semimonth',
	'month',
	'bimonth',
	'year',
	'once',
];
const REQUIRED_TEXT = ['atsSource', 'atsCandidateId', 'firstName', 'lastName', 'jobTitle'];
const OPTIONAL_TEXT = ['department', 'location', 'referral'];
const KNOWN_FIELDS = new Set([
	...REQUIRED_TEXT,
	...OPTIONAL_TEXT,
	'email',
	'personalEmail',
	'managerEmail',
	'startDate',
	'salary',
	'customFields',
]);

/** A custom field value the system keeps as it is: text, a number, true/false, or a list of texts. */
function isCustomValue(value: unknown): boolean {
	if (typeof value === 'string') return value.trim() !== '';
	if (typeof value === 'number') return Number.isFinite(value);
	if (typeof value === 'boolean') return true;
	return (
		Array.isArray(value) &&
		value.length > 0 &&
		value.every((entry) => typeof entry === 'string' && entry.trim() !== '')
	);
}

/** The first problem with the record, as `{ field, message }`, or undefined when it is acceptable. */
function validateEmployee(
	record: Record<string, unknown>,
): { field: string; message: string } | undefined {
	const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
	for (const field of Object.keys(record)) {
		if (!KNOWN_FIELDS.has(field))
			return { field, message: `"${field}" is not a known employee field` };
	}
	for (const field of REQUIRED_TEXT) {
		if (!isText(record[field])) return { field, message: `"${field}" is required` };
	}
	for (const field of OPTIONAL_TEXT) {
		if (record[field] !== undefined && !isText(record[field]))
			return { field, message: `"${field}" must be a non-empty string` };
	}
	if (typeof record.email !== 'string' || !EMAIL.test(record.email))
		return { field: 'email', message: '"email" must be an email address' };
	for (const field of ['personalEmail', 'managerEmail']) {
		const value = record[field];
		if (value !== undefined && (typeof value !== 'string' || !EMAIL.test(value)))
			return { field, message: `"${field}" must be an email address` };
	}
	const startDate = record.startDate;
	if (
		typeof startDate !== 'string' ||
		!DAY.test(startDate) ||
		Number.isNaN(Date.parse(`${startDate}T00:00:00Z`))
	) {
		return { field: 'startDate', message: '"startDate" must be a date as YYYY-MM-DD' };
	}
	if (record.salary !== undefined) {
		const salary = record.salary as Record<string, unknown>;
		if (typeof salary !== 'object' || salary === null)
			return { field: 'salary', message: '"salary" must be an object' };
		if (typeof salary.amount !== 'number' || !(salary.amount > 0))
			return { field: 'salary.amount', message: '"salary.amount" must be a positive number' };
		if (typeof salary.currency !== 'string' || !/^[A-Z]{3}$/.test(salary.currency)) {
			return { field: 'salary.currency', message: '"salary.currency" must be an ISO 4217 code' };
		}
		if (!INTERVALS.includes(salary.interval as string))
			return {
				field: 'salary.interval',
				message: `"salary.interval" must be one of ${INTERVALS.join(', ')}`,
			};
	}
	if (record.customFields !== undefined) {
		const custom = record.customFields;
		if (typeof custom !== 'object' || custom === null || Array.isArray(custom))
			return { field: 'customFields', message: '"customFields" must be an object of name → value' };
		for (const [name, value] of Object.entries(custom)) {
			if (name.trim() === '')
				return { field: 'customFields', message: '"customFields" names must not be empty' };
			if (!isCustomValue(value)) {
				return {
					field: `customFields.${name}`,
					message: `"customFields.${name}" must be text, a number, true/false or a list of texts`,
				};
			}
		}
	}
	return undefined;
}

function secureEqual(a: string, b: string): boolean {
	const left = createHmac('sha256', 'compare').update(a).digest();
	const right = createHmac('sha256', 'compare').update(b).digest();
	return timingSafeEqual(left, right);
}

function isAuthorized(
	auth: OnboardingAuth | undefined,
	headers: IncomingHttpHeaders,
	body: string,
): boolean {
	if (!auth) return true;
	if ('header' in auth) {
		const value = headers[auth.header.toLowerCase()];
		return typeof value === 'string' && secureEqual(value, auth.value);
	}
	const signature = headers[(auth.signatureHeader ?? 'x-signature').toLowerCase()];
	const expected = `sha256=${createHmac('sha256', auth.hmacSecret).update(body).digest('hex')}`;
	return typeof signature === 'string' && secureEqual(signature, expected);
}

/** Key order does not make two bodies different. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}

export async function startOnboardingSimulator(
	options: OnboardingSimulatorOptions = {},
): Promise<OnboardingSimulator> {
	const employees = new Map<string, StoredEmployee>();
	const byKey = new Map<string, { employeeId: string; body: string }>();
	const requests: RecordedRequest[] = [];
	const failures: number[] = [];
	let nextId = 1;

	const employeeView = (employee: StoredEmployee) => ({
		id: employee.id,
		status: 'pending',
		createdAt: employee.createdAt,
		...employee.record,
	});

	function handle(req: IncomingMessage, res: ServerResponse, body: string) {
		const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
			requests.push({
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body,
				status,
			});
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(JSON.stringify(payload));
		};
		const failure = failures.shift();
		if (failure !== undefined) {
			return send(
				failure,
				{ error: 'unavailable', message: 'The service is temporarily unavailable' },
				failure === 429 ? { 'retry-after': '0' } : {},
			);
		}
		const path = (req.url ?? '').split('?')[0];
		const employeeMatch = /^\/employees\/([^/]+)$/.exec(path);
		if (!isAuthorized(options.auth, req.headers, body)) {
			return send(401, {
				error: 'unauthorized',
				message: 'Missing or invalid credentials or signature',
			});
		}
		if (req.method === 'GET' && employeeMatch) {
			const employee = employees.get(decodeURIComponent(employeeMatch[1]));
			return employee
				? send(200, employeeView(employee))
				: send(404, { error: 'not_found', message: 'No such employee' });
		}
		if (path !== '/employees')
			return send(404, { error: 'not_found', message: `No route ${req.method} ${path}` });
		if (req.method !== 'POST')
			return send(405, { error: 'method_not_allowed', message: 'Use POST to create an employee' });
		if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
			return send(415, {
				error: 'unsupported_media_type',
				message: 'The body must be application/json',
			});
		}
		const key = req.headers['idempotency-key'];
		if (typeof key !== 'string' || key.trim() === '') {
			return send(400, {
				error: 'missing_idempotency_key',
				field: 'Idempotency-Key',
				message: 'The "Idempotency-Key" header is required',
			});
		}
		let record: Record<string, unknown>;
		try {
			record = JSON.parse(body) as Record<string, unknown>;
		} catch (error) {
			return send(400, {
				error: 'invalid_json',
				message: `The body is not JSON: ${(error as Error).message}`,
			});
		}
		if (record === null || typeof record !== 'object' || Array.isArray(record)) {
			return send(400, { error: 'invalid_body', message: 'The body must be a JSON object' });
		}
		const problem = validateEmployee(record);
		if (problem) return send(400, { error: 'validation_failed', ...problem });

		const replay = byKey.get(key);
		if (replay) {
			if (replay.body !== canonical(record)) {
				return send(422, {
					error: 'idempotency_key_reused',
					message: 'This Idempotency-Key was used with a different body',
				});
			}
			return send(200, employeeView(employees.get(replay.employeeId)!), {
				'idempotent-replayed': 'true',
			});
		}
		const email = String(record.email).trim().toLowerCase();
		const existing = [...employees.values()].find(
			(employee) => String(employee.record.email).trim().toLowerCase() === email,
		);
		if (existing) {
			return send(409, {
				error: 'already_exists',
				message: `An employee with email ${String(record.email)} already exists`,
				employeeId: existing.id,
			});
		}
		const employee: StoredEmployee = {
			id: `emp_${nextId++}`,
			idempotencyKey: key,
			createdAt: new Date().toISOString(),
			record,
		};
		employees.set(employee.id, employee);
		byKey.set(key, { employeeId: employee.id, body: canonical(record) });
		return send(201, employeeView(employee), { location: `/employees/${employee.id}` });
	}

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url: `${baseUrl}/employees`,
		baseUrl,
		employees,
		requests,
		failNext(count: number, status = 503) {
			for (let i = 0; i < count; i++) failures.push(status);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { OnboardingSimulator } from '../simulators/onboarding';
import { startOnboardingSimulator } from '../simulators/onboarding';
import { runNode } from '../harness';

const HEADER_TOKEN = 'Bearer onb-test-token-8f2c1e';
const HMAC_SECRET = 'onb-hmac-secret-5d7a90';

const employee = (overrides: IDataObject = {}): IDataObject => ({
	atsSource: 'lever',
	atsCandidateId: 'opp-123',
	firstName: 'Grace',
	lastName: 'Hopper',
	email: 'grace@example.com',
	jobTitle: 'Rear Admiral',
	startDate: '2027-01-04',
	salary: { amount: 120000, currency: 'USD', interval: 'year' },
	...overrides,
});

describe('Onboarding Push (header auth)', () => {
	let sim: OnboardingSimulator;
	const credentials = {
		onboardingApi: { authType: 'header', headerName: 'Authorization', headerValue: HEADER_TOKEN },
	};
	const push = (input: IDataObject[], options: IDataObject = {}, continueOnFail = false) =>
		runNode({
			type: 'onboardingPush',
			parameters: {
				url: sim.url,
				authentication: 'onboardingApi',
				employee: '={{ $json.employee }}',
				options: { maxRetries: 3, ...options },
			},
			credentials,
			input: input.map((record) => ({ employee: record })),
			continueOnFail,
		});

	beforeEach(async () => {
		sim = await startOnboardingSimulator({
			auth: { header: 'Authorization', value: HEADER_TOKEN },
		});
	});

	afterEach(async () => {
		await sim.close();
	});

	it('creates the employee once, with the ATS candidate id as Idempotency-Key', async () => {
		const { outputs, error } = await push([employee()]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.onboarding).toMatchObject({
			action: 'created',
			employeeId: 'emp_1',
			idempotencyKey: 'opp-123',
			statusCode: 201,
			replayed: false,
		});
		expect(sim.employees.size).toBe(1);
		expect(sim.employees.get('emp_1')?.record).toEqual(employee());
		expect(sim.requests[0].headers['idempotency-key']).toBe('opp-123');
	});

	it('sends the custom fields of the record, and the system stores them', async () => {
		const withCustomFields = {
			...employee(),
			customFields: { tShirtSize: 'L', startLocation: 'Berlin HQ', referrer: 'Ivan Interviewer' },
		};
		const { error } = await push([withCustomFields]);
		expect(error).toBeUndefined();
		expect(sim.employees.get('emp_1')?.record.customFields).toEqual({
			tShirtSize: 'L',
			startLocation: 'Berlin HQ',
			referrer: 'Ivan Interviewer',
		});
	});

	it('replaying the same run creates no second employee', async () => {
		await push([employee()]);
		const { outputs, error } = await push([employee()]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.onboarding).toMatchObject({
			action: 'created',
			employeeId: 'emp_1',
			statusCode: 200,
			replayed: true,
		});
		expect(sim.employees.size).toBe(1);
	});

	it('retries a 503 and a 429, then succeeds once', async () => {
		sim.failNext(1, 503);
		sim.failNext(1, 429);
		const { outputs, error } = await push([employee()]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.onboarding).toMatchObject({ action: 'created', employeeId: 'emp_1' });
		expect(sim.requests.map((request) => request.status)).toEqual([503, 429, 201]);
		expect(new Set(sim.requests.map((request) => request.headers['idempotency-key']))).toEqual(
			new Set(['opp-123']),
		);
		expect(sim.employees.size).toBe(1);
	});

	it("fails the item with the system's message once retries are exhausted", async () => {
		sim.failNext(3, 503);
		const { error } = await push([employee()], { maxRetries: 2 });
		expect(error?.message).toBe(
			'The onboarding system refused the employee (HTTP 503): The service is temporarily unavailable',
		);
		expect(sim.requests).toHaveLength(3);
		expect(sim.employees.size).toBe(0);
	});

	it('counts a 409 duplicate (same email, another candidate id) as already existing, not as an error', async () => {
		await push([employee()]);
		const { outputs, error } = await push([
			employee({ atsCandidateId: 'sr-999', atsSource: 'smartrecruiters' }),
		]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.onboarding).toMatchObject({
			action: 'alreadyExists',
			employeeId: 'emp_1',
			statusCode: 409,
		});
		expect(sim.employees.size).toBe(1);
	});

	it('refuses an invalid record before sending, naming the field; continueOnFail reports it and goes on', async () => {
		const input = [
			employee({ atsCandidateId: 'a-1', email: 'a@example.com' }),
			employee({ atsCandidateId: 'b-2', startDate: 'next monday' }),
			employee({ atsCandidateId: 'c-3', email: 'c@example.com' }),
		];
		const failing = await push(input);
		expect(failing.error?.message).toBe(
			'The employee record is invalid: "startDate" must be a date: YYYY-MM-DD, an ISO date-time or epoch milliseconds',
		);

		const continuing = await push(input, {}, true);
		expect(
			continuing.outputs[0].map(
				(item) => item.json.error ?? (item.json.onboarding as IDataObject).action,
			),
		).toEqual([
			'created',
			'The employee record is invalid: "startDate" must be a date: YYYY-MM-DD, an ISO date-time or epoch milliseconds',
			'created',
		]);
		expect(sim.requests.every((request) => !request.body.includes('next monday'))).toBe(true);
	});

	it("reports the system's 401 without leaking the token", async () => {
		const { error } = await runNode({
			type: 'onboardingPush',
			parameters: {
				url: sim.url,
				authentication: 'onboardingApi',
				employee: '={{ $json.employee }}',
			},
			credentials: {
				onboardingApi: {
					authType: 'header',
					headerName: 'Authorization',
					headerValue: 'Bearer wrong-token-123',
				},
			},
			input: [{ employee: employee() }],
		});
		expect(error?.message).toBe(
			'The onboarding system refused the employee (HTTP 401): Missing or invalid credentials or signature',
		);
		expect(JSON.stringify(error)).not.toContain('wrong-token-123');
	});
});

describe('Onboarding Push (HMAC signature)', () => {
	let sim: OnboardingSimulator;

	beforeAll(async () => {
		sim = await startOnboardingSimulator({ auth: { hmacSecret: HMAC_SECRET } });
	});

	afterAll(async () => {
		await sim.close();
	});

	it('signs the exact body it sends', async () => {
		const { outputs, error } = await runNode({
			type: 'onboardingPush',
			parameters: {
				url: sim.url,
				authentication: 'onboardingApi',
				employee: '={{ $json.employee }}',
			},
			credentials: {
				onboardingApi: {
					authType: 'hmac',
					hmacSecret: HMAC_SECRET,
					signatureHeader: 'x-signature',
				},
			},
			input: [{ employee: employee() }],
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.onboarding).toMatchObject({ action: 'created' });
		const [request] = sim.requests;
		expect(request.headers['x-signature']).toBe(
			`sha256=${createHmac('sha256', HMAC_SECRET).update(request.body).digest('hex')}`,
		);
	});

	it('is refused with 401 when signed with another secret', async () => {
		const { error } = await runNode({
			type: 'onboardingPush',
			parameters: {
				url: sim.url,
				authentication: 'onboardingApi',
				employee: '={{ $json.employee }}',
			},
			credentials: {
				onboardingApi: {
					authType: 'hmac',
					hmacSecret: 'not-the-secret',
					signatureHeader: 'x-signature',
				},
			},
			input: [{ employee: employee({ atsCandidateId: 'opp-2', email: 'other@example.com' }) }],
		});
		expect(error?.message).toMatch(/\(HTTP 401\)/);
	});
});

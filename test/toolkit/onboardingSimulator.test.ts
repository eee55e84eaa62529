import { createHmac } from 'node:crypto';

import type { OnboardingSimulator } from '../simulators/onboarding';
import { startOnboardingSimulator } from '../simulators/onboarding';

const record = {
	atsSource: 'smartrecruiters',
	atsCandidateId: 'sr-1',
	firstName: 'Katherine',
	lastName: 'Johnson',
	email: 'katherine@example.com',
	jobTitle: 'Mathematician',
	startDate: '2027-02-01',
};

describe('onboarding simulator', () => {
	let sim: OnboardingSimulator;
	let signed: OnboardingSimulator;

	beforeAll(async () => {
		sim = await startOnboardingSimulator({ auth: { header: 'x-api-key', value: 'key-1' } });
		signed = await startOnboardingSimulator({ auth: { hmacSecret: 's3cret' } });
	});

	afterAll(async () => {
		await sim.close();
		await signed.close();
	});

	const post = async (body: unknown, headers: Record<string, string> = {}, target = sim) => {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		const response = await fetch(target.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': 'key-1', ...headers },
			body: text,
		});
		return {
			status: response.status,
			body: (await response.json()) as Record<string, unknown>,
			replayed: response.headers.get('idempotent-replayed'),
		};
	};

	it('requires the credential header', async () => {
		expect((await post(record, { 'x-api-key': 'wrong', 'idempotency-key': 'k' })).status).toBe(401);
	});

	it('requires an Idempotency-Key', async () => {
		const response = await post(record);
		expect(response).toMatchObject({ status: 400, body: { field: 'Idempotency-Key' } });
	});

	it('validates the record and names the field', async () => {
		expect(
			(await post({ ...record, startDate: '01/02/2027' }, { 'idempotency-key': 'v1' })).body,
		).toMatchObject({ field: 'startDate' });
		expect(
			(
				await post(
					{ ...record, salary: { amount: 1, currency: 'eur', interval: 'year' } },
					{ 'idempotency-key': 'v2' },
				)
			).body,
		).toMatchObject({
			field: 'salary.currency',
		});
		expect(
			(await post({ ...record, nickname: 'KJ' }, { 'idempotency-key': 'v3' })).body,
		).toMatchObject({ field: 'nickname' });
		expect(
			(await post({ ...record, customFields: { desk: { floor: 3 } } }, { 'idempotency-key': 'v4' }))
				.body,
		).toMatchObject({ field: 'customFields.desk' });
		expect(
			(await post({ ...record, customFields: ['L'] }, { 'idempotency-key': 'v5' })).body,
		).toMatchObject({ field: 'customFields' });
		expect(sim.employees.size).toBe(0);
	});

	it('creates, replays the same key, refuses a reused key with another body and a duplicate email', async () => {
		const created = await post(record, { 'idempotency-key': 'sr-1' });
		expect(created).toMatchObject({
			status: 201,
			body: { id: 'emp_1', email: 'katherine@example.com' },
			replayed: null,
		});
		const replay = await post({ ...record }, { 'idempotency-key': 'sr-1' });
		expect(replay).toMatchObject({ status: 200, body: { id: 'emp_1' }, replayed: 'true' });
		expect(
			(await post({ ...record, jobTitle: 'Engineer' }, { 'idempotency-key': 'sr-1' })).status,
		).toBe(422);
		const duplicate = await post(
			{ ...record, atsCandidateId: 'sr-2', email: 'KATHERINE@example.com' },
			{ 'idempotency-key': 'sr-2' },
		);
		expect(duplicate).toMatchObject({
			status: 409,
			body: { error: 'already_exists', employeeId: 'emp_1' },
		});
		expect(sim.employees.size).toBe(1);
	});

	it('fails the next requests on demand, before processing them', async () => {
		sim.failNext(2, 503);
		expect(
			(
				await post(
					{ ...record, atsCandidateId: 'x', email: 'x@example.com' },
					{ 'idempotency-key': 'x' },
				)
			).status,
		).toBe(503);
		expect(
			(
				await post(
					{ ...record, atsCandidateId: 'x', email: 'x@example.com' },
					{ 'idempotency-key': 'x' },
				)
			).status,
		).toBe(503);
		expect(
			(
				await post(
					{ ...record, atsCandidateId: 'x', email: 'x@example.com' },
					{ 'idempotency-key': 'x' },
				)
			).status,
		).toBe(201);
	});

	it('checks an HMAC signature of the raw body', async () => {
		const body = JSON.stringify(record);
		const signature = `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`;
		expect(
			(await post(body, { 'idempotency-key': 'h1', 'x-signature': signature }, signed)).status,
		).toBe(201);
		expect(
			(
				await post(
					body.replace('Mathematician', 'Astronaut'),
					{ 'idempotency-key': 'h2', 'x-signature': signature },
					signed,
				)
			).status,
		).toBe(401);
	});
});

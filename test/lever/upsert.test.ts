/**
 * Create or Update through n8n's engine against the Lever simulator: the simulator's state, not only the
 * node's output, shows that reruns never duplicate a candidacy and that protected/mandatory fields behave.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, apiKeyCredentials, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const opportunitiesOf = (email: string) => {
	const contacts = sim.state.contacts.filter((contact) =>
		contact.emails.some((known) => known.toLowerCase() === email.toLowerCase()),
	);
	return sim.state.opportunities.filter((opportunity) =>
		contacts.some((contact) => contact.id === opportunity.contact),
	);
};
const contactOf = (email: string) =>
	sim.state.contacts.find((contact) => contact.emails.includes(email))!;

function upsert(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'opportunity',
		operation: 'upsert',
		profileInput: 'fields',
		email: 'jane.doe@example.com',
		name: 'Jane Doe',
		profileFields: {
			headline: 'Staff Engineer at Initech',
			location: 'Berlin',
			linkedin: 'https://www.linkedin.com/in/jane-doe',
			tags: ['Python'],
			sources: ['Outbound'],
			phones: { phone: [{ value: '+49 30 1234567', type: 'mobile' }] },
		},
		posting: byId(sim.seed.postings.published),
		performAs: byId(sim.seed.users.recruiter),
		...extra,
	};
}

describe('upsert by email', () => {
	it('creates once, then reports unchanged on a rerun without a second opportunity', async () => {
		const first = await runLever(sim, upsert());
		expect(first.error).toBeUndefined();
		expect(first.json[0]).toMatchObject({
			action: 'created',
			changedFields: [],
			protectedFieldsKept: [],
		});
		const created = opportunitiesOf('jane.doe@example.com');
		expect(created).toHaveLength(1);
		expect(first.json[0].opportunityId).toBe(created[0].id);
		expect(first.json[0].contactId).toBe(created[0].contact);
		const contact = contactOf('jane.doe@example.com');
		expect(contact).toMatchObject({
			name: 'Jane Doe',
			headline: 'Staff Engineer at Initech',
			location: 'Berlin',
		});
		expect(contact.links).toEqual(['https://www.linkedin.com/in/jane-doe']);
		expect(created[0].tags).toContain('Python');
		expect(created[0].sources).toEqual(['Outbound']);
		expect(created[0].stageChanges[0].userId).toBe(sim.seed.users.recruiter);

		const second = await runLever(sim, upsert());
		expect(second.json[0]).toMatchObject({
			action: 'unchanged',
			opportunityId: created[0].id,
			changedFields: [],
		});
		expect(opportunitiesOf('jane.doe@example.com')).toHaveLength(1);
		// An unchanged rerun only reads.
		expect(sim.requests.slice(-1)[0].method).toBe('GET');
	});

	it('updates changed and new values on the existing candidacy', async () => {
		await runLever(sim, upsert());
		const before = opportunitiesOf('jane.doe@example.com')[0];
		const result = await runLever(
			sim,
			upsert({
				profileFields: {
					headline: 'Principal Engineer at Initech',
					location: 'Berlin',
					github: 'https://github.com/jane-doe',
					tags: ['Python', 'Go'],
					sources: ['Outbound', 'Meetup'],
					phones: { phone: [{ value: '+49 30 1234567', type: 'mobile' }] },
				},
			}),
		);
		expect(result.json[0]).toMatchObject({ action: 'updated', opportunityId: before.id });
		expect(new Set(result.json[0].changedFields as string[])).toEqual(
			new Set(['headline', 'links', 'tags', 'sources']),
		);
		expect(opportunitiesOf('jane.doe@example.com')).toHaveLength(1);
		const contact = contactOf('jane.doe@example.com');
		expect(contact.headline).toBe('Principal Engineer at Initech');
		expect(contact.links).toEqual([
			'https://www.linkedin.com/in/jane-doe',
			'https://github.com/jane-doe',
		]);
		const after = sim.state.opportunities.find((opportunity) => opportunity.id === before.id)!;
		expect(after.tags).toEqual(expect.arrayContaining(['Python', 'Go']));
		expect(after.sources).toEqual(['Outbound', 'Meetup']);
		expect(apiCalls(sim)).toContain(`PUT /contacts/${before.contact}`);
	});

	it('finds the candidate whatever the case of the email, and keeps the stored address', async () => {
		await runLever(sim, upsert());
		const result = await runLever(sim, upsert({ email: '  Jane.DOE@Example.COM ' }));
		expect(result.json[0]).toMatchObject({ action: 'unchanged' });
		expect(opportunitiesOf('jane.doe@example.com')).toHaveLength(1);
		expect(contactOf('jane.doe@example.com').emails).toEqual(['jane.doe@example.com']);
	});

	it('keeps a protected field that already has a value and reports it', async () => {
		const seeded = sim.seed.opportunities.adaBackend;
		const result = await runLever(
			sim,
			upsert({
				email: sim.seed.contactEmails.ada,
				name: 'Augusta Ada King',
				profileFields: { headline: 'Countess of Lovelace' },
				protectedFields: ['name'],
			}),
		);
		expect(result.json[0]).toMatchObject({
			action: 'updated',
			opportunityId: seeded,
			changedFields: ['headline'],
			protectedFieldsKept: ['name'],
		});
		const ada = sim.state.contacts.find((contact) => contact.id === sim.seed.contacts.ada)!;
		expect(ada.name).toBe('Ada Lovelace');
		expect(ada.headline).toBe('Countess of Lovelace');
	});

	it('refuses an item with an empty mandatory field, naming the field; with continue-on-fail the others proceed', async () => {
		const parameters = upsert({
			email: '={{ $json.email }}',
			name: '={{ $json.name }}',
			profileFields: { headline: '={{ $json.headline }}' },
			mandatoryFields: ['headline'],
		});
		const failing = await runLever(sim, parameters, {
			input: [{ email: 'no.headline@example.com', name: 'No Headline', headline: '' }],
		});
		expect(failing.error?.message).toBe(
			'Mandatory field "headline" is empty (candidate no.headline@example.com)',
		);
		expect(opportunitiesOf('no.headline@example.com')).toHaveLength(0);

		const input = [
			{ email: 'first@example.com', name: 'First', headline: 'Engineer' },
			{ email: 'second@example.com', name: 'Second', headline: '' },
			{ email: 'third@example.com', name: 'Third', headline: 'Designer' },
		];
		const continuing = await runLever(sim, parameters, { input, continueOnFail: true });
		expect(continuing.error).toBeUndefined();
		expect(continuing.json.map((item) => item.action ?? item.error)).toEqual([
			'created',
			'Mandatory field "headline" is empty (candidate second@example.com)',
			'created',
		]);
		expect(continuing.outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(opportunitiesOf('first@example.com')).toHaveLength(1);
		expect(opportunitiesOf('second@example.com')).toHaveLength(0);
		expect(opportunitiesOf('third@example.com')).toHaveLength(1);
	});

	it('takes the canonical candidate profile (Field Map output) as JSON, first + last name included', async () => {
		const profile = {
			email: 'grace.h@example.com',
			firstName: 'Grace',
			lastName: 'Hopper',
			headline: 'Rear Admiral',
			links: { github: 'https://github.com/grace' },
			phones: [{ value: '+1 555 0100' }],
			company: 'US Navy',
		};
		const parameters = upsert({ profileInput: 'json', candidateProfile: '={{ $json }}' });
		const created = await runLever(sim, parameters, { input: [profile] });
		expect(created.json[0]).toMatchObject({ action: 'created', ignoredFields: ['company'] });
		const contact = contactOf('grace.h@example.com');
		expect(contact).toMatchObject({
			name: 'Grace Hopper',
			headline: 'Rear Admiral',
			links: ['https://github.com/grace'],
		});
		expect(contact.phones.map((phone) => phone.value)).toEqual(['+1 555 0100']);

		// Lever stored the untyped phone with a type; the rerun must still see it as the same phone.
		const rerun = await runLever(sim, parameters, { input: [profile] });
		expect(rerun.json[0]).toMatchObject({ action: 'unchanged' });
		expect(opportunitiesOf('grace.h@example.com')).toHaveLength(1);
	});

	it('names the invalid field of a profile', async () => {
		const result = await runLever(
			sim,
			upsert({ profileInput: 'json', candidateProfile: '={{ $json }}' }),
			{
				input: [{ email: 'not-an-email', name: 'X' }],
			},
		);
		expect(result.error?.message).toBe(
			'Invalid candidate profile: "email" must be an email address (candidate not-an-email)',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('creates a second candidacy for the same person on another posting, not a second contact', async () => {
		await runLever(sim, upsert());
		const result = await runLever(sim, upsert({ posting: byId(sim.seed.postings.internal) }));
		expect(result.json[0]).toMatchObject({ action: 'created' });
		const candidacies = opportunitiesOf('jane.doe@example.com');
		expect(candidacies).toHaveLength(2);
		expect(new Set(candidacies.map((opportunity) => opportunity.contact)).size).toBe(1);
	});

	it('fails with a clear error when no Perform As user is set anywhere, and creates nothing', async () => {
		const result = await runLever(sim, upsert({ performAs: byId('') }));
		expect(result.error?.message).toBe(
			'Lever needs a user to act as to create an opportunity: "Perform As" is empty (candidate jane.doe@example.com)',
		);
		expect(result.error?.description).toContain('"Perform As"');
		expect(opportunitiesOf('jane.doe@example.com')).toHaveLength(0);

		const unknownUser = await runLever(
			sim,
			upsert({ performAs: byId('00000000-0000-4000-8000-00000000abcd') }),
		);
		expect(unknownUser.error?.message).toBe(
			'Lever could not find the "Perform As" given (404 ResourceNotFound: users 00000000-0000-4000-8000-00000000abcd was not found) (candidate jane.doe@example.com)',
		);

		const withDefault = await runLever(sim, upsert({ performAs: byId('') }), {
			credentials: apiKeyCredentials(sim, { defaultPerformAs: sim.seed.users.admin }),
		});
		expect(withDefault.json[0]).toMatchObject({ action: 'created' });
		expect(opportunitiesOf('jane.doe@example.com')[0].stageChanges[0].userId).toBe(
			sim.seed.users.admin,
		);
	});
});

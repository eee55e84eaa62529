/**
 * Candidate → Create or Update through n8n's engine against the simulator: dedupe by email, protected
 * and mandatory fields, links → WebProfile, custom fields, and the existing-candidate-on-another-job case.
 */
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { byId, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
});

afterEach(() => {
	expect(sim.contractViolations).toEqual([]);
});

afterAll(async () => {
	await sim.close();
});

const upsert = async (parameters: Record<string, unknown>, continueOnFail = false) =>
	await runSmartRecruiters(
		sim,
		{
			resource: 'candidate',
			operation: 'upsert',
			job: byId(sim.seed.jobs.backendEngineer),
			...parameters,
		},
		{ continueOnFail },
	);

const candidatesWithEmail = (email: string) =>
	sim.state.candidates.filter((c) => c.email.toLowerCase() === email.toLowerCase());
const creates = () =>
	sim.requests.filter((r) => r.method === 'POST' && /^\/(jobs\/[^/]+\/)?candidates$/.test(r.path))
		.length;

describe('SmartRecruiters upsert by email', () => {
	it('creates a candidate on the job with web links and source, and a rerun changes nothing', async () => {
		const { types, subTypes, values } = sim.seed.sources;
		const parameters = {
			profileInput: 'fields',
			email: 'nina.new@example.com',
			profileFields: {
				firstName: 'Nina',
				lastName: 'New',
				phone: '+44 20 7946 0000',
				linkedin: 'https://www.linkedin.com/in/ninanew',
				github: 'https://github.com/ninanew',
				tags: 'sourcewhale, replied',
				headline: 'Staff Engineer',
				company: 'Globex',
			},
			job: byId(sim.seed.jobs.backendEngineer),
			sourceTypeId: types.sourcingTools,
			sourceSubTypeId: subTypes.outreach,
			sourceId: values.sourceWhaleTool,
		};
		const first = await upsert(parameters);
		expect(first.error).toBeUndefined();
		expect(first.json[0]).toMatchObject({
			action: 'created',
			jobApplication: 'created',
			changedFields: [],
			protectedFieldsKept: [],
		});
		const [nina] = candidatesWithEmail('nina.new@example.com');
		expect(nina).toMatchObject({
			firstName: 'Nina',
			phoneNumber: '+44 20 7946 0000',
			tags: ['sourcewhale', 'replied'],
			// GitHub has no slot in WebProfile: it takes the free website slot.
			web: {
				linkedin: 'https://www.linkedin.com/in/ninanew',
				website: 'https://github.com/ninanew',
			},
		});
		const application = sim.state.applications.find((a) => a.candidateId === nina.id)!;
		expect(application).toMatchObject({
			jobId: sim.seed.jobs.backendEngineer,
			source: { sourceId: values.sourceWhaleTool },
		});

		const createsBefore = creates();
		const second = await upsert(parameters);
		expect(second.json[0]).toMatchObject({
			action: 'unchanged',
			candidateId: nina.id,
			changedFields: [],
		});
		expect(creates()).toBe(createsBefore);
		expect(candidatesWithEmail('nina.new@example.com')).toHaveLength(1);
	});

	it('finds the candidate when the email differs only in case', async () => {
		const result = await upsert({
			profileInput: 'json',
			candidateProfile: {
				email: 'JANE.DOE@EXAMPLE.COM',
				firstName: 'Jane',
				lastName: 'Doe',
				location: 'Hamburg',
			},
			job: byId(sim.seed.jobs.backendEngineer),
		});
		expect(result.json[0]).toMatchObject({
			action: 'updated',
			candidateId: sim.seed.candidates.jane,
			changedFields: ['location'],
		});
		expect(candidatesWithEmail(sim.seed.emails.jane)).toHaveLength(1);
		expect(sim.state.candidates.find((c) => c.id === sim.seed.candidates.jane)!.email).toBe(
			sim.seed.emails.jane,
		);
	});

	it('keeps protected fields, fills only what it may, and reports what SmartRecruiters cannot hold', async () => {
		const result = await upsert({
			profileInput: 'json',
			candidateProfile: {
				email: sim.seed.emails.jane,
				firstName: 'Janet',
				phones: [{ value: '+49 151 000000' }],
				links: { twitter: 'https://twitter.com/janedoe', github: 'https://github.com/janedoe' },
				tags: ['replied'],
			},
			job: byId(sim.seed.jobs.backendEngineer),
			protectedFields: ['firstName'],
		});
		expect(result.error).toBeUndefined();
		const output = result.json[0];
		expect(output.action).toBe('updated');
		expect(output.protectedFieldsKept).toEqual(['firstName']);
		expect(output.changedFields).toEqual(expect.arrayContaining(['links', 'tags']));
		expect(output.changedFields).not.toContain('firstName');
		// One phone number only: the existing one stays, the new one is reported.
		expect(output.notStored).toEqual(['+49 151 000000']);

		const jane = sim.state.candidates.find((c) => c.id === sim.seed.candidates.jane)!;
		expect(jane.firstName).toBe('Jane');
		expect(jane.phoneNumber).toBe('+49 30 1234567');
		expect(jane.web).toMatchObject({
			linkedin: 'https://www.linkedin.com/in/janedoe',
			twitter: 'https://twitter.com/janedoe',
			website: 'https://github.com/janedoe',
		});
		expect(jane.tags).toEqual(expect.arrayContaining(['backend', 'berlin', 'replied']));
	});

	it('refuses a record without its mandatory fields and writes nothing', async () => {
		const requestsBefore = sim.requests.length;
		const failed = await upsert({
			profileInput: 'json',
			candidateProfile: { email: 'no.phone@example.com', firstName: 'No', lastName: 'Phone' },
			mandatoryFields: ['phones', 'lastName'],
		});
		expect(failed.error?.message).toBe(
			'Mandatory field "phones" is empty (candidate no.phone@example.com)',
		);
		expect(sim.requests.length).toBe(requestsBefore);

		const reported = await upsert(
			{ profileInput: 'json', candidateProfile: { firstName: 'No', lastName: 'Email' } },
			true,
		);
		expect(reported.json[0].error).toMatch(/"email" is empty/);
		expect(candidatesWithEmail('no.phone@example.com')).toEqual([]);
	});

	it('names the invalid field of a malformed profile', async () => {
		const result = await upsert({
			profileInput: 'json',
			candidateProfile: { email: 'not-an-email', links: { linkedin: 'nope' } },
		});
		expect(result.error?.message).toBe(
			'Invalid candidate profile: "email" must be an email address; "links.linkedin" invalid url (candidate not-an-email)',
		);
	});

	it('does not create a second profile for an existing candidate without an application on the job', async () => {
		const warned = await upsert({
			profileInput: 'json',
			candidateProfile: {
				email: sim.seed.emails.john,
				firstName: 'John',
				lastName: 'Smith',
				tags: ['rehire'],
			},
			job: byId(sim.seed.jobs.productDesigner),
		});
		expect(warned.json[0]).toMatchObject({
			action: 'updated',
			candidateId: sim.seed.candidates.john,
			jobApplication: 'notAttached',
		});
		expect(warned.json[0].warning).toMatch(
			/no endpoint to add an existing candidate to another job/,
		);
		expect(candidatesWithEmail(sim.seed.emails.john)).toHaveLength(1);
		expect(
			sim.state.applications
				.filter((a) => a.candidateId === sim.seed.candidates.john)
				.map((a) => a.jobId),
		).toEqual([sim.seed.jobs.dataAnalyst]);

		const refused = await upsert({
			profileInput: 'json',
			candidateProfile: { email: sim.seed.emails.john, firstName: 'John', lastName: 'Smith' },
			job: byId(sim.seed.jobs.productDesigner),
			options: { notOnJob: 'error' },
		});
		expect(refused.error?.message).toMatch(/has no application on job/);
	});

	it('writes custom fields (candidate properties) on the job application, and only when they differ', async () => {
		const { properties, propertyValues } = sim.seed;
		const parameters = {
			profileInput: 'json',
			candidateProfile: {
				email: sim.seed.emails.maria,
				customFields: {
					[properties.outreachSequence]: 'Design Q4',
					[properties.employmentType]: propertyValues.contractor,
				},
			},
			job: byId(sim.seed.jobs.productDesigner),
		};
		const first = await upsert(parameters);
		expect(first.json[0]).toMatchObject({ action: 'updated', changedFields: ['customFields'] });
		expect(
			sim.state.applications.find((a) => a.id === sim.seed.applications.mariaProductDesigner)!
				.properties,
		).toMatchObject({
			[properties.outreachSequence]: 'Design Q4',
			[properties.employmentType]: propertyValues.contractor,
		});
		const again = await upsert(parameters);
		expect(again.json[0]).toMatchObject({ action: 'unchanged', changedFields: [] });
	});
});

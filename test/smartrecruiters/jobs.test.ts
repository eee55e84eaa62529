/**
 * Job writes (create, update, status, publication, hiring team, note) and Job Position through n8n's engine against
 * the simulator: the change in the simulator's state, Return All / Limit, rerun-safe creates, SmartRecruiters' rate
 * limit of publishing, and errors that name the field with SmartRecruiters' own message.
 */
import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import type { SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { byId, methodsContext, nodeTestFile, runSmartRecruiters } from './helpers';

const kit = nodeTestFile('jobs.test.ts');
const { json, failure } = kit;
const S = () => kit.seed;
let sim: SmartRecruitersSimulator;
beforeAll(() => {
	sim = kit.sim;
});
const MISSING = '00000000-0000-4000-8000-000000000000';
const jobOf = (id: string) => sim.state.jobs.find((job) => job.id === id)!;

describe('Job → Create and Update', () => {
	const platformEngineer = {
		title: 'Platform Engineer',
		function: 'engineering',
		industry: 'computer_software',
		experienceLevel: 'mid_senior_level',
		city: 'Hamburg',
		countryCode: 'DE',
		additionalFields: {
			refNumber: 'ENG-201',
			department: '',
			remote: true,
			compensationMin: 70000,
			compensationMax: 95000,
			compensationCurrency: 'eur',
			jobDescription: 'Build the platform our teams ship on.',
			qualifications: 'Go, Kubernetes',
			targetHiringDate: '2027-01-15',
		},
	};

	it('creates a job with its location, department, compensation and job ad; the creator is on its hiring team', async () => {
		const [created] = await json('job', 'create', {
			...platformEngineer,
			additionalFields: {
				...platformEngineer.additionalFields,
				department: S().departments.engineering,
			},
		});
		expect(created).toMatchObject({
			title: 'Platform Engineer',
			refNumber: 'ENG-201',
			status: 'CREATED',
			postingStatus: 'NOT_PUBLISHED',
			department: { label: 'Engineering' },
			location: { city: 'Hamburg', countryCode: 'de', remote: true },
			compensation: { min: 70000, max: 95000, currency: 'EUR' },
			targetHiringDate: '2027-01-15T00:00:00.000Z',
			jobAd: {
				sections: {
					jobDescription: { text: 'Build the platform our teams ship on.' },
					qualifications: { text: 'Go, Kubernetes' },
				},
			},
		});
		expect(sim.state.hiringTeams[String(created.id)]).toEqual([
			{ userId: S().users.admin, role: 'RECRUITER' },
		]);
	});

	it('refuses what SmartRecruiters refuses, naming the field; refuses empty required fields before sending', async () => {
		expect(
			await failure('job', 'create', {
				...platformEngineer,
				function: 'astrology',
				additionalFields: {},
			}),
		).toBe(
			'SmartRecruiters rejected the "Function" field (400 FUNCTION_NOT_FOUND: Function "astrology" does not exist)',
		);
		expect(
			await failure('job', 'create', {
				...platformEngineer,
				additionalFields: { refNumber: 'ENG-101' },
			}),
		).toBe(
			'SmartRecruiters rejected the "Reference Number" field (409 REF_NUMBER_ALREADY_EXISTS: A job with ref number "ENG-101" already exists)',
		);
		const before = sim.requests.length;
		expect(await failure('job', 'create', { ...platformEngineer, city: ' ' })).toBe(
			'"City" is empty: SmartRecruiters requires it to create a job',
		);
		expect(await failure('job', 'create', { ...platformEngineer, countryCode: 'DEU' })).toBe(
			'"Country Code" must be two letters, e.g. de, not "DEU"',
		);
		expect(sim.requests.length).toBe(before);
	});

	it('a create whose response is lost is found by its title and reference, not sent again', async () => {
		sim.setFaults({ seed: 3, rateLostCreate: 1 });
		try {
			const [created] = await json('job', 'create', {
				...platformEngineer,
				title: 'Lost Response Engineer',
				additionalFields: { refNumber: 'ENG-LOST' },
			});
			expect(created).toMatchObject({ title: 'Lost Response Engineer', refNumber: 'ENG-LOST' });
		} finally {
			sim.setFaults(undefined);
		}
		expect(sim.state.jobs.filter((job) => job.refNumber === 'ENG-LOST')).toHaveLength(1);
	});

	it('updates with a JSON Patch: changed fields only, objects merged with what the job has', async () => {
		const [updated] = await json('job', 'update', {
			job: byId(S().jobs.productDesigner),
			updateFields: {
				title: 'Senior Product Designer',
				city: 'Manchester',
				compensationMax: 99000,
				jobDescription: 'Design the product.',
				typeOfEmployment: 'contract',
			},
		});
		expect(updated).toMatchObject({
			title: 'Senior Product Designer',
			location: { city: 'Manchester', countryCode: 'gb', country: 'United Kingdom' },
			compensation: { min: 60000, max: 99000, currency: 'EUR' },
			typeOfEmployment: { id: 'contract', label: 'Contract' },
			department: { label: 'Design' },
		});
		const patch = sim.requests.find(
			(request) =>
				request.method === 'PATCH' && request.path === `/jobs/${S().jobs.productDesigner}`,
		)!;
		expect(patch.body).toEqual([
			{ op: 'add', path: '/title', value: 'Senior Product Designer' },
			{ op: 'add', path: '/typeOfEmployment', value: { id: 'contract' } },
			{
				op: 'add',
				path: '/location',
				value: { countryCode: 'gb', city: 'Manchester', remote: false },
			},
			{ op: 'add', path: '/compensation', value: { min: 60000, max: 99000, currency: 'EUR' } },
			{
				op: 'add',
				path: '/jobAd',
				value: {
					sections: { jobDescription: { text: 'Design the product.' } },
					language: { code: 'en', label: 'English', labelNative: 'English (US)' },
				},
			},
		]);
		expect(
			await failure('job', 'update', {
				job: byId(S().jobs.productDesigner),
				updateFields: { department: MISSING },
			}),
		).toBe(
			`SmartRecruiters rejected the "Department" field (400 DEPARTMENT_NOT_FOUND: Department ${MISSING} does not exist) (job ${S().jobs.productDesigner})`,
		);
		expect(
			await failure('job', 'update', { job: byId(S().jobs.productDesigner), updateFields: {} }),
		).toBe(
			`"Update Fields" is empty: add at least one field to change (job ${S().jobs.productDesigner})`,
		);
	});
});

describe('Job → status, publication, hiring team, note', () => {
	it('sets the status and reads its history; an unknown job is named', async () => {
		const [job] = await json('job', 'setStatus', {
			job: byId(S().jobs.salesLead),
			status: 'SOURCING',
		});
		expect(job).toMatchObject({ id: S().jobs.salesLead, status: 'SOURCING' });
		const history = await json('job', 'getStatusHistory', { job: byId(S().jobs.salesLead) });
		expect(history.map((entry) => entry.status)).toEqual(['CREATED', 'ON_HOLD', 'SOURCING']);
		expect(await failure('job', 'setStatus', { job: byId(MISSING), status: 'SOURCING' })).toBe(
			`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
		);
		expect(await failure('job', 'getStatusHistory', { job: byId(MISSING) })).toBe(
			`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
		);
	});

	it('publishes and unpublishes (repeatable), lists publications with Limit; keeps to 2 publications a second', async () => {
		const intern = byId(S().jobs.marketingIntern);
		const [published] = await json('job', 'publish', {
			job: intern,
			visibility: 'PUBLIC',
			aggregators: true,
		});
		expect(published.postingStatus).toBe('PUBLIC');
		await json('job', 'publish', { job: intern, visibility: 'PUBLIC', aggregators: true });
		expect(
			(await json('job', 'getPublications', { job: intern, returnAll: true })).map(
				(publication) => publication.sourceName,
			),
		).toEqual(['Career Page', 'Indeed']);
		expect(
			await json('job', 'getPublications', { job: intern, returnAll: false, limit: 1 }),
		).toHaveLength(1);
		const [unpublished] = await json('job', 'unpublish', { job: intern });
		expect(unpublished.postingStatus).toBe('NOT_PUBLISHED');
		expect(await json('job', 'getPublications', { job: intern, returnAll: true })).toEqual([]);
		const all = await json('job', 'getPublications', {
			job: intern,
			returnAll: true,
			includeUnpublished: true,
		});
		expect(all.every((publication) => typeof publication.unpublishedOn === 'string')).toBe(true);

		// Five publishes in one run: SmartRecruiters allows 2 a second on this endpoint; none is refused.
		const limitedBefore = sim.rateLimited;
		const burst = await runSmartRecruiters(
			sim,
			{
				resource: 'job',
				operation: 'publish',
				job: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				visibility: 'INTERNAL',
				aggregators: false,
			},
			{ input: Array.from({ length: 5 }, () => ({ id: S().jobs.productDesigner })) },
		);
		expect(burst.error).toBeUndefined();
		expect(sim.rateLimited).toBe(limitedBefore);

		for (const operation of ['publish', 'unpublish', 'getPublications']) {
			expect(await failure('job', operation, { job: byId(MISSING), returnAll: true })).toBe(
				`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
			);
		}
	});

	it('adds and removes hiring team members; adding twice returns the member; refusals name the field', async () => {
		const engineer = byId(S().jobs.backendEngineer);
		const [added] = await json('job', 'addHiringTeamMember', {
			job: engineer,
			user: byId(S().users.admin),
			role: 'EXECUTIVE',
		});
		expect(added).toMatchObject({
			jobId: S().jobs.backendEngineer,
			id: S().users.admin,
			role: 'EXECUTIVE',
		});
		const [again] = await json('job', 'addHiringTeamMember', {
			job: engineer,
			user: byId(S().users.admin),
			role: 'EXECUTIVE',
		});
		expect(again).toMatchObject({ id: S().users.admin, role: 'EXECUTIVE', alreadyExisted: true });
		expect(
			sim.state.hiringTeams[S().jobs.backendEngineer].filter(
				(member) => member.userId === S().users.admin,
			),
		).toHaveLength(1);
		const [removed] = await json('job', 'removeHiringTeamMember', {
			job: engineer,
			user: byId(S().users.admin),
		});
		expect(removed).toEqual({
			jobId: S().jobs.backendEngineer,
			userId: S().users.admin,
			removed: true,
		});

		expect(
			await failure('job', 'addHiringTeamMember', {
				job: engineer,
				user: byId('ffffffffffffffffffffffff'),
				role: 'RECRUITER',
			}),
		).toBe(
			`SmartRecruiters rejected the "User" field (400 USER_NOT_FOUND: User ffffffffffffffffffffffff does not exist) (job ${S().jobs.backendEngineer})`,
		);
		expect(
			await failure('job', 'removeHiringTeamMember', {
				job: engineer,
				user: byId(S().users.admin),
			}),
		).toBe(
			`SmartRecruiters could not find the "User" given (404 HIRING_TEAM_MEMBER_NOT_FOUND: User ${S().users.admin} is not a member of the hiring team) (job ${S().jobs.backendEngineer})`,
		);
		expect(
			await failure('job', 'removeHiringTeamMember', {
				job: byId(S().jobs.productDesigner),
				user: byId(S().users.recruiter),
			}),
		).toBe(
			`SmartRecruiters rejected the request (400 INVALID_HIRING_TEAM_STATE: Each hiring team should have at least one member) (job ${S().jobs.productDesigner})`,
		);
	});

	it('reads and replaces the job note; a job without one has an empty note; errors name the field', async () => {
		expect(await json('job', 'getNote', { job: byId(S().jobs.dataAnalyst) })).toEqual([
			{
				jobId: S().jobs.dataAnalyst,
				content: 'Filled by John Smith; keep the ad text for the next analyst role.',
			},
		]);
		expect(await json('job', 'getNote', { job: byId(S().jobs.officeManager) })).toEqual([
			{ jobId: S().jobs.officeManager, content: '' },
		]);
		await json('job', 'updateNote', { job: byId(S().jobs.officeManager), note: 'Reopen in Q1.' });
		expect(jobOf(S().jobs.officeManager).note).toBe('Reopen in Q1.');
		expect(await failure('job', 'getNote', { job: byId(MISSING) })).toBe(
			`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
		);
		expect(await failure('job', 'updateNote', { job: byId(MISSING), note: 'x' })).toBe(
			`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
		);
		expect(
			await failure('job', 'updateNote', {
				job: byId(S().jobs.officeManager),
				note: 'x'.repeat(20_001),
			}),
		).toBe(
			`"Note" is 20001 characters; SmartRecruiters allows 20000 (job ${S().jobs.officeManager})`,
		);
	});
});

describe('Job Position', () => {
	const engineer = () => byId(S().jobs.backendEngineer);

	it('lists (Return All / Limit), gets, creates, updates and deletes positions', async () => {
		const positions = await json('position', 'getMany', { job: engineer(), returnAll: true });
		expect(positions.map((position) => position.id)).toEqual([
			S().positions.backendNew,
			S().positions.backendReplacement,
		]);
		expect(
			await json('position', 'getMany', { job: engineer(), returnAll: false, limit: 1 }),
		).toHaveLength(1);
		const [one] = await json('position', 'get', {
			job: engineer(),
			position: byId(S().positions.backendReplacement),
		});
		expect(one).toMatchObject({ type: 'REPLACEMENT', incumbentName: 'Sam Leaver', status: 'OPEN' });

		const [created] = await json('position', 'create', {
			job: engineer(),
			type: 'NEW',
			positionOpenDate: '2026-10-01',
			targetStartDate: '2027-01-01',
			additionalFields: { positionId: 'POS-ENG-9' },
		});
		expect(created).toMatchObject({
			jobId: S().jobs.backendEngineer,
			positionId: 'POS-ENG-9',
			type: 'NEW',
			status: 'OPEN',
		});

		const [updated] = await json('position', 'update', {
			job: engineer(),
			position: byId(String(created.id)),
			updateFields: { targetStartDate: '2027-02-01' },
		});
		expect(updated).toMatchObject({
			positionId: 'POS-ENG-9',
			type: 'NEW',
			positionOpenDate: '2026-10-01T00:00:00.000Z',
			targetStartDate: '2027-02-01T00:00:00.000Z',
		});

		await json('position', 'delete', {
			job: engineer(),
			position: byId(S().positions.backendReplacement),
		});
		expect(jobOf(S().jobs.backendEngineer).positions.map((position) => position.id)).toEqual([
			S().positions.backendNew,
			created.id,
		]);
	});

	it('a create whose response is lost is found among the new positions, not sent again', async () => {
		sim.setFaults({ seed: 5, rateLostCreate: 1 });
		try {
			await json('position', 'create', {
				job: byId(S().jobs.productDesigner),
				type: 'NEW',
				positionOpenDate: '2026-10-01',
				targetStartDate: '2027-03-01',
			});
		} finally {
			sim.setFaults(undefined);
		}
		expect(jobOf(S().jobs.productDesigner).positions).toHaveLength(1);
	});

	it("errors name the field with SmartRecruiters' message", async () => {
		const assigned = {
			job: byId(S().jobs.dataAnalyst),
			position: byId(S().positions.dataAnalystFilled),
		};
		expect(await failure('position', 'delete', assigned)).toBe(
			`SmartRecruiters rejected the "Position" field (400 POSITION_ASSIGNED: Position ${S().positions.dataAnalystFilled} has a candidate assigned and cannot be removed) (job ${S().jobs.dataAnalyst})`,
		);
		const missing = { job: engineer(), position: byId(MISSING) };
		const notFound = `SmartRecruiters could not find the "Position" given (404 POSITION_NOT_FOUND: Position ${MISSING} not found in job ${S().jobs.backendEngineer})`;
		expect(await failure('position', 'get', missing)).toBe(notFound);
		expect(
			await failure('position', 'update', { ...missing, updateFields: { type: 'REPLACEMENT' } }),
		).toBe(notFound);
		expect(await failure('position', 'getMany', { job: byId(MISSING), returnAll: true })).toBe(
			`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Job ${MISSING} not found)`,
		);
		expect(
			await failure('position', 'create', {
				job: engineer(),
				type: 'NEW',
				positionOpenDate: 'soon',
				targetStartDate: '2027-01-01',
			}),
		).toBe(`"Open Date" is not a date: soon (job ${S().jobs.backendEngineer})`);
	});

	it('the position list search lists the positions of the chosen job', async () => {
		const { listSearch } = new SmartRecruiters().methods;
		const found = await listSearch.searchPositions.call(
			methodsContext(sim, {
				resource: 'position',
				operation: 'get',
				job: byId(S().jobs.dataAnalyst),
			}),
		);
		expect(found.results).toEqual([
			{ name: 'POS-ANA-2 · NEW · FILLED', value: S().positions.dataAnalystFilled },
		]);
	});
});

it('ran every operation this file owns (coverage.ts)', () => {
	expect(kit.missing()).toEqual([]);
});

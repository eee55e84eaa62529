/**
 * Configuration → "Get …" / "Create Department" and User → Get / Get Many through n8n's engine against the simulator:
 * what each returns, Return All / Limit over SmartRecruiters' three page styles (one response, offset, pageId cursor),
 * errors that name the field with SmartRecruiters' own message, and the lists the node offers from them.
 */
import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import {
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import {
	byId,
	methodsContext,
	nodeTestFile,
	oauthCredentials,
	runSmartRecruiters,
} from './helpers';

const kit = nodeTestFile('configuration.test.ts');
const { failure } = kit;
const S = () => kit.seed;
let sim: SmartRecruitersSimulator;
beforeAll(() => {
	sim = kit.sim;
});

/** A configuration list (or another resource's) with Return All unless the parameters say otherwise. */
const json = async (
	operation: string,
	parameters: INodeParameters = {},
	resource = 'configuration',
) => await kit.json(resource, operation, { returnAll: true, ...parameters });

describe('Configuration lists', () => {
	it('each list returns the company settings, one item per entry', async () => {
		expect((await json('getCandidateProperties')).map((property) => property.label)).toContain(
			'Cost center',
		);
		expect((await json('getDepartments')).map((department) => department.label)).toEqual([
			'Engineering',
			'Design',
			'Sales',
			'Operations',
		]);
		expect((await json('getHiringProcesses')).map((process) => process.name)).toEqual([
			'Standard hiring process',
			'Engineering hiring process',
		]);
		expect(
			(await json('getJobProperties')).map((property) => [property.label, property.category]),
		).toEqual([
			['Cost center', 'job'],
			['Brand', 'organization'],
		]);
		expect((await json('getRejectionReasons')).map((reason) => reason.label)).toEqual([
			'Not qualified',
			'Position filled',
			'No show',
		]);
		expect((await json('getWithdrawalReasons')).map((reason) => reason.label)).toEqual([
			'Accepted another offer',
			'Salary expectations',
		]);
		expect((await json('getSourceTypes')).map((type) => type.id)).toEqual([
			'API',
			'JOB_BOARDS',
			'SOURCING_TOOLS',
			'CUSTOM',
		]);
		const [company] = await json('getCompany');
		expect(company).toMatchObject({ identifier: 'AcmeInc', name: 'Acme Inc.' });
	});

	it('Limit cuts a list SmartRecruiters sends in one response', async () => {
		expect(await json('getRejectionReasons', { returnAll: false, limit: 2 })).toHaveLength(2);
		expect(
			sim.requests.filter((request) => request.path === '/configuration/rejection-reasons').at(-1)
				?.query,
		).toEqual({});
	});

	it('offer properties: one item per property with its category — the keys Offer → Get Many returns', async () => {
		const properties = await json('getOfferProperties');
		expect(properties.map((property) => [property.category, property.key])).toEqual([
			['compensation', 'salary'],
			['compensation', 'currency'],
			['compensation', 'payFrequency'],
			['position', 'startDate'],
			['position', 'jobTitle'],
		]);
		expect(await json('getOfferProperties', { returnAll: false, limit: 1 })).toHaveLength(1);
	});

	it('candidate property values: the options of a single-select property', async () => {
		const values = await json('getCandidatePropertyValues', {
			propertyId: S().properties.employmentType,
		});
		expect(values.map((value) => value.label)).toEqual(['Full-time', 'Part-time', 'Contractor']);
		expect(
			await failure('configuration', 'getCandidatePropertyValues', {
				propertyId: S().properties.startDate,
				returnAll: true,
			}),
		).toBe(
			'SmartRecruiters rejected the "Property" field (400 CANDIDATE_PROPERTY_NOT_SINGLE_SELECT: Candidate property "Start date" is DATE, not SINGLE_SELECT)',
		);
	});

	it('sources: Return All pages by offset (100 a page), Limit stops early; an unknown type is named', async () => {
		const { types, subTypes } = S().sources;
		sim.state.config.sourceValues.push(
			...Array.from({ length: 105 }, (_, n) => ({
				id: `50000000-0000-4000-8000-1${String(n).padStart(11, '0')}`,
				label: `Board ${n}`,
				sourceTypeId: types.jobBoards,
				sourceSubTypeId: subTypes.jobBoardsGeneral,
			})),
		);
		const before = sim.requests.length;
		const all = await json('getSources', { sourceTypeId: types.jobBoards });
		expect(all).toHaveLength(107);
		const pages = sim.requests
			.slice(before)
			.filter((request) => request.path === `/configuration/sources/${types.jobBoards}/values`);
		expect(pages.map((request) => [request.query.offset, request.query.limit])).toEqual([
			['0', '100'],
			['100', '100'],
		]);
		expect(
			await json('getSources', { sourceTypeId: types.jobBoards, returnAll: false, limit: 3 }),
		).toHaveLength(3);
		const [outreach] = await json('getSources', {
			sourceTypeId: types.sourcingTools,
			sourceSubTypeId: subTypes.outreach,
		});
		expect(outreach).toMatchObject({
			label: 'SourceWhale',
			sourceSubType: { id: subTypes.outreach },
		});
		expect(
			await failure('configuration', 'getSources', { sourceTypeId: 'NOPE', returnAll: true }),
		).toBe(
			'SmartRecruiters could not find the "Source Type" given (404 SOURCE_TYPE_NOT_FOUND: Source type "NOPE" not found)',
		);
	});

	it('job property values: Return All follows nextPageId, Limit asks for that page size; an unknown property is named', async () => {
		const costCenter = sim.state.config.jobProperties.find(
			(property) => property.id === S().jobProperties.costCenter,
		)!;
		costCenter.values.push(
			...Array.from({ length: 1003 }, (_, n) => ({
				id: `CC-X${n}`,
				label: `Cost center ${n}`,
				archived: false,
			})),
		);
		const before = sim.requests.length;
		const all = await json('getJobPropertyValues', { jobPropertyId: S().jobProperties.costCenter });
		expect(all).toHaveLength(1006);
		const pages = sim.requests.slice(before);
		expect(
			pages.map((request) => [request.query.pageSize, request.query.pageId !== undefined]),
		).toEqual([
			['1000', false],
			['1000', true],
		]);
		const limited = await json('getJobPropertyValues', {
			jobPropertyId: S().jobProperties.costCenter,
			returnAll: false,
			limit: 5,
		});
		expect(limited.map((value) => value.id)).toEqual([
			'CC-100',
			'CC-200',
			'CC-300',
			'CC-X0',
			'CC-X1',
		]);
		expect(sim.requests.at(-1)?.query).toEqual({ pageSize: '5' });
		const missing = '00000000-0000-4000-8000-000000000000';
		expect(
			await failure('configuration', 'getJobPropertyValues', {
				jobPropertyId: missing,
				returnAll: true,
			}),
		).toBe(
			`SmartRecruiters could not find the "Job Property" given (404 JOB_PROPERTY_NOT_FOUND: Job property ${missing} not found)`,
		);
	});

	it("a credential without the configuration scope: each list fails with SmartRecruiters' reason and how to fix it", async () => {
		const limited = await startSmartRecruitersSimulator({ oauthScopes: ['candidates_read'] });
		try {
			for (const operation of [
				'getCandidateProperties',
				'getDepartments',
				'getHiringProcesses',
				'getJobProperties',
				'getOfferProperties',
				'getRejectionReasons',
				'getSourceTypes',
				'getWithdrawalReasons',
			]) {
				const result = await runSmartRecruiters(
					limited,
					{ authentication: 'oAuth2', resource: 'configuration', operation, returnAll: true },
					{ credentials: oauthCredentials(limited) },
				);
				expect([operation, result.error?.message]).toEqual([
					operation,
					'The SmartRecruiters access token is not allowed to do this (403 PERMISSION_DENIED: OAuthPermissionsException: this token lacks the scope configuration_read)',
				]);
				expect(result.error?.description).toMatch(/Settings → Apps & Integrations → Credentials/);
			}
			const company = await runSmartRecruiters(
				limited,
				{ authentication: 'oAuth2', resource: 'configuration', operation: 'getCompany' },
				{ credentials: oauthCredentials(limited) },
			);
			expect(company.error?.message).toMatch(
				/^The SmartRecruiters access token is not allowed to do this \(403 PERMISSION_DENIED: .*company_read or configuration_read\)$/,
			);
			expect(limited.contractViolations).toEqual([]);
		} finally {
			await limited.close();
		}
	});
});

describe('Create Department', () => {
	it('creates a department; a name that exists is refused, naming the field', async () => {
		const [created] = await json('createDepartment', {
			departmentName: 'Research',
			departmentDescription: 'R&D',
		});
		expect(created).toMatchObject({ label: 'Research', description: 'R&D' });
		expect(
			sim.state.config.departments.find((department) => department.id === created.id),
		).toMatchObject({ label: 'Research' });
		expect(
			await failure('configuration', 'createDepartment', { departmentName: 'Engineering' }),
		).toBe(
			'SmartRecruiters rejected the "Name" field (400 DEPARTMENT_LABEL_NOT_UNIQUE: A department named "Engineering" already exists)',
		);
		expect(await failure('configuration', 'createDepartment', { departmentName: '  ' })).toBe(
			'"Name" is empty',
		);
	});

	it('a lost response is looked up, not sent again: one department', async () => {
		sim.setFaults({ seed: 7, rateLostCreate: 1 });
		try {
			const [created] = await json('createDepartment', { departmentName: 'Legal' });
			expect(created).toMatchObject({ label: 'Legal' });
		} finally {
			sim.setFaults(undefined);
		}
		expect(
			sim.state.config.departments.filter((department) => department.label === 'Legal'),
		).toHaveLength(1);
	});
});

describe('Users', () => {
	it('get many: search, Return All over offset pages, Limit; get one by id; errors name the field', async () => {
		const [rita] = await json('getMany', { filters: { q: 'rita' } }, 'user');
		expect(rita).toMatchObject({ id: S().users.recruiter, email: 'rita.recruiter@acme.example' });
		const template = sim.state.users[1];
		sim.state.users.push(
			...Array.from({ length: 105 }, (_, n) => ({
				...structuredClone(template),
				id: `6e${String(n).padStart(22, '0')}`,
				email: `bulk${n}@acme.example`,
			})),
		);
		const before = sim.requests.length;
		expect(await json('getMany', {}, 'user')).toHaveLength(109);
		expect(sim.requests.slice(before).map((request) => request.query.offset)).toEqual(['0', '100']);
		expect(await json('getMany', { returnAll: false, limit: 7 }, 'user')).toHaveLength(7);
		const [user] = await kit.items('user', 'get', { user: byId(S().users.hiringManager) });
		expect(user.json).toMatchObject({ firstName: 'Hank', role: 'STANDARD' });

		expect(await failure('user', 'get', { user: byId('ffffffffffffffffffffffff') })).toBe(
			'SmartRecruiters could not find the "User" given (404 USER_NOT_FOUND: User ffffffffffffffffffffffff not found)',
		);
		expect(await failure('user', 'getMany', { filters: { q: 'ri' }, returnAll: true })).toBe(
			'"Search" needs at least 3 characters, got "ri"',
		);
	});
});

describe('lists to pick from', () => {
	it('load options and the user search read the configuration', async () => {
		const { loadOptions, listSearch } = new SmartRecruiters().methods;
		const names = (options: INodePropertyOptions[]) => options.map((option) => option.name);
		const context = methodsContext(sim, { resource: 'job', operation: 'create' });
		expect(names(await loadOptions.getDepartments.call(context))).toEqual(
			expect.arrayContaining(['Design', 'Engineering', 'Operations', 'Sales']),
		);
		expect(names(await loadOptions.getSingleSelectCandidateProperties.call(context))).toEqual([
			'Employment type',
		]);
		expect(names(await loadOptions.getJobProperties.call(context))).toEqual([
			'Brand',
			'Cost center',
		]);
		const found = await listSearch.searchUsers.call(context, 'hank');
		expect(found.results).toEqual([
			{ name: 'Hank Manager <hank.manager@acme.example>', value: S().users.hiringManager },
		]);
		// Fewer than 3 characters: SmartRecruiters cannot search, so the page is filtered here.
		const short = await listSearch.searchUsers.call(context, 'iv');
		expect(short.results.map((result) => result.value)).toContain(S().users.interviewer);
	});
});

it('ran every operation this file owns (coverage.ts)', () => {
	expect(kit.missing()).toEqual([]);
});

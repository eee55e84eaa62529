/**
 * Every "Get Many" added for issue 16 pages through Lever's `next` cursor: Return All walks every page, Limit asks
 * for no more than it keeps. The lists are filled with copies of seeded records (120 more than the seed).
 */
import { randomUUID } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const EXTRA = 120;
const copies = <T extends { id: string }>(
	list: T[],
	stamp: (record: T, index: number) => Partial<T> = () => ({}),
) => {
	const [first] = list;
	list.push(
		...Array.from({ length: EXTRA }, (_, index) => ({
			...first,
			id: randomUUID(),
			...stamp(first, index),
		})),
	);
	return list.length;
};
const created = <T extends { createdAt: number | null }>(record: T, index: number) =>
	({ createdAt: (record.createdAt ?? 0) + index + 1 }) as Partial<T>;

type ListCase = [
	resource: string,
	path: string,
	fill: (sim: LeverSimulator) => number,
	parameters?: INodeParameters,
];
const ada = () => ({ opportunity: byId(sim.seed.opportunities.adaBackend) });
const alan = () => ({ opportunity: byId(sim.seed.opportunities.alanHired) });

const cases: ListCase[] = [
	['note', 'notes', (s) => copies(s.state.notes, created), undefined],
	[
		'file',
		'files',
		(s) => copies(s.state.files, (file, index) => ({ uploadedAt: file.uploadedAt + index + 1 })),
		undefined,
	],
	['resume', 'resumes', (s) => copies(s.state.resumes, created), undefined],
	['panel', 'panels', (s) => copies(s.state.panels, created), undefined],
	['profileForm', 'forms', (s) => copies(s.state.forms, created), undefined],
	['referral', 'referrals', (s) => copies(s.state.referrals, created), undefined],
	[
		'feedbackTemplate',
		'/feedback_templates',
		(s) => copies(s.state.feedbackTemplates, created),
		undefined,
	],
	['requisition', '/requisitions', (s) => copies(s.state.requisitions, created), undefined],
	[
		'webhook',
		'/webhooks',
		(s) => {
			const now = Date.now();
			const hooks = Array.from({ length: EXTRA }, (_, index) => ({
				id: randomUUID(),
				url: `https://hooks.example.com/${index}`,
				event: 'candidateHired' as const,
				configuration: { conditions: null },
				signatureToken: 'x'.repeat(48),
				createdAt: now + index,
				updatedAt: now + index,
			}));
			s.state.webhooks.push(...hooks);
			return hooks.length;
		},
		undefined,
	],
];

const parametersFor = (
	resource: string,
	path: string,
	extra: INodeParameters = {},
): INodeParameters => ({
	resource,
	operation: 'getMany',
	...(path.startsWith('/') ? {} : ['profileForm', 'referral'].includes(resource) ? alan() : ada()),
	...extra,
});
const listRequests = (path: string) =>
	sim.requests.filter(
		(request) =>
			request.method === 'GET' && request.path.endsWith(path.startsWith('/') ? path : `/${path}`),
	);

describe.each(cases)('%s → Get Many', (resource, path, fill, extra) => {
	it("Return All walks every page of Lever's cursor; Limit asks for no more than it keeps", async () => {
		const total = fill(sim);
		const all = await runLever(sim, parametersFor(resource, path, { returnAll: true, ...extra }));
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(total);
		expect(new Set(all.json.map((record) => record.id)).size).toBe(total);
		const pages = listRequests(path);
		expect(
			pages.map((request) => [request.query.limit, request.query.offset === undefined]),
		).toEqual([
			['100', true],
			['100', false],
		]);

		sim.requests.length = 0;
		const five = await runLever(
			sim,
			parametersFor(resource, path, { returnAll: false, limit: 5, ...extra }),
		);
		expect(five.json).toHaveLength(5);
		expect(listRequests(path).map((request) => request.query.limit)).toEqual(['5']);
	});
});

it('requisition fields: Lever lists them without pages, so Limit is applied to the one answer', async () => {
	const fields = Array.from({ length: EXTRA }, (_, index) => ({
		id: `field_${index}`,
		text: `Field ${index}`,
		type: 'text' as const,
		isRequired: false,
	}));
	sim.state.requisitionFields.push(...fields);
	const all = await runLever(sim, {
		resource: 'requisitionField',
		operation: 'getMany',
		returnAll: true,
	});
	expect(all.json).toHaveLength(EXTRA + 2);
	const five = await runLever(sim, {
		resource: 'requisitionField',
		operation: 'getMany',
		returnAll: false,
		limit: 5,
	});
	expect(five.json.map((field) => field.id)).toEqual([
		'cost_center',
		'rec_start_date',
		'field_0',
		'field_1',
		'field_2',
	]);
	expect(listRequests('/requisition_fields')).toHaveLength(2);
});

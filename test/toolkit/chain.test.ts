import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { createEngine, TOOLKIT_PACKAGE_NAME, runWorkflowData } from '../harness';

/**
 * The generic front half of the push-on-interested recipe, in one n8n execution fed like `ats-sync --input`:
 * Contact Event Trigger → JSON Logic Rules (sync policy) → ATS Field Map. Skipped contacts stay visible on the
 * Skip output instead of disappearing.
 */
const workflow = {
	id: 'chain',
	name: 'chain',
	active: false,
	nodes: [
		{
			id: '1',
			name: 'Contact Event',
			type: `${TOOLKIT_PACKAGE_NAME}.contactEventTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'none' },
		},
		{
			id: '2',
			name: 'Sync Policy',
			type: `${TOOLKIT_PACKAGE_NAME}.jsonLogicRules`,
			typeVersion: 1,
			position: [200, 0],
			parameters: {
				mode: 'syncPolicy',
				defaultPolicy: 'replied',
				campaignOverrides: { overrides: [{ campaignId: 'sw-q3-sourcing', policy: 'added' }] },
			},
		},
		{
			id: '3',
			name: 'Candidate Profile',
			type: `${TOOLKIT_PACKAGE_NAME}.atsFieldMap`,
			typeVersion: 1,
			position: [400, 0],
			parameters: {
				mode: 'candidate',
				baseProfile: '={{ $json.candidate }}',
				listFields: {
					fields: [
						{
							target: 'tags',
							value: "={{ ['Outreach', $json.campaign.name] }}",
							separator: '',
							take: 'all',
						},
					],
				},
				mandatoryFields: ['email'],
				options: { outputField: 'profile' },
			},
		},
	],
	connections: {
		'Contact Event': { main: [[{ node: 'Sync Policy', type: 'main', index: 0 }]] },
		'Sync Policy': { main: [[{ node: 'Candidate Profile', type: 'main', index: 0 }], []] },
	},
} as unknown as IWorkflowBase;

const samples = readFileSync(
	path.resolve(__dirname, '../../recipes/samples/contact-events.ndjson'),
	'utf8',
)
	.split('\n')
	.filter((line) => line.trim() !== '')
	.map((line) => ({ json: JSON.parse(line) as IDataObject }));

describe('generic nodes chained in one execution', () => {
	it('syncs by policy and hands each synced contact on as a canonical profile', async () => {
		const run = await runWorkflowData(createEngine(), workflow, 'Contact Event', samples);
		expect(run.status).toBe('success');
		const runData = run.data.resultData.runData;
		const [synced, skipped] = runData['Sync Policy'][0].data!.main as Array<
			Array<{ json: IDataObject }>
		>;
		expect(synced.length + skipped.length).toBe(samples.length);
		expect(skipped.map((item) => item.json.type)).not.toContain('contact.interested');
		for (const item of skipped) {
			expect(
				item.json.type === 'contact.added' &&
					(item.json.campaign as IDataObject).id !== 'sw-q3-sourcing',
			).toBe(true);
		}

		const profiles = runData['Candidate Profile'][0].data!.main[0]!.map((item) => item.json);
		expect(profiles).toHaveLength(synced.length);
		const first = profiles.find((item) => item.eventId === 'evt-1001')!;
		expect(first.profile).toMatchObject({
			email: 'linus.byte@example.net',
			links: {
				linkedin: 'https://www.linkedin.com/in/linusbyte',
				github: 'https://github.com/linusbyte',
			},
			tags: ['Outreach', 'Backend Berlin Q4'],
		});
		expect(profiles.map((item) => item.eventId)).toContain('evt-1004');
	});
});

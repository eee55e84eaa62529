/**
 * "Continue (using error output)": a failed item must leave on the node's error output, not on the success branch,
 * or the next node (e.g. "add note") would run for a candidate that was never written.
 */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());

it('routes refused items to the error output and keeps the good one on the success output', async () => {
	const result = await runLever(
		sim,
		{
			resource: 'opportunity',
			operation: 'upsert',
			profileInput: 'fields',
			email: '={{ $json.email }}',
			name: '={{ $json.name }}',
			posting: byId(sim.seed.postings.published),
			performAs: byId('={{ $json.performAs }}'),
			mandatoryFields: ['headline'],
			profileFields: { headline: '={{ $json.headline }}' },
		},
		{
			onError: 'continueErrorOutput',
			input: [
				{
					email: 'ok@example.com',
					name: 'Ok Person',
					headline: 'Engineer',
					performAs: sim.seed.users.recruiter,
				},
				{
					email: 'incomplete@example.com',
					name: 'No Headline',
					headline: '',
					performAs: sim.seed.users.recruiter,
				},
				{ email: 'nobody@example.com', name: 'No Perform As', headline: 'Engineer', performAs: '' },
			],
		},
	);
	const [success, failed] = result.outputs;
	expect(success.map((item) => item.json.action)).toEqual(['created']);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	expect(failed[0].json.error).toMatch(/Mandatory field "headline" is empty/);
	// The error's description stays on the item (in `details`) for the n8n UI and the runner's report.
	expect(failed[1].json.error).toMatch(/"Perform As" is empty/);
	expect((failed[1].json.details as { description?: string }).description).toMatch(
		/set "Default Perform As" \(a Lever user's email or ID\)/,
	);
	expect(sim.state.contacts.some((contact) => contact.emails.includes('nobody@example.com'))).toBe(
		false,
	);
});

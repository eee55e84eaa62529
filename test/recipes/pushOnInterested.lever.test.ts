/**
 * recipes/push-on-interested.lever.json in the real CLI against the Lever simulator: realistic contact events in,
 * the simulator's final records asserted exactly. The recipe is unchanged but for the CV server, which listens on
 * loopback and is allowed in Download CV as an on-premises file server would be.
 */
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { runCli } from '../runner/cli';
import { ensureBuilt, outputsOf, recipeFile, postSigned, recipeWithLocalFiles, runRecipe, serveRecipe, startFileServer, tempDir, writeJson, writeNdjson } from './helpers';
import { OUTREACH_SIGNING_SECRET as SIGNING_SECRET, pushLever } from './inputs';
import { leverByEmail, leverView } from './leverState';

const RECIPE = 'push-on-interested.lever.json';
const S = LEVER_SEED;
const POSTING_TAGS = ['Senior Backend Engineer', 'Engineering', 'Platform', 'Berlin', 'Full-time'];

describe('push-on-interested (Lever)', () => {
	let sim: LeverSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	let dir: string;
	let credentials: string;
	const seedOpportunities = new Set<string>();

	beforeAll(async () => {
		await ensureBuilt();
		sim = await startLeverSimulator();
		for (const opportunity of sim.state.opportunities) seedOpportunities.add(opportunity.id);
		files = await startFileServer(pushLever.files);
		dir = tempDir('recipe-push-lever-');
		credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				// As the recipe's setup note asks: the Lever user to act as, by email (resolved to S.users.recruiter).
				data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, defaultPerformAs: S.userEmails.recruiter },
			},
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: SIGNING_SECRET } },
		});
	});
	afterAll(async () => {
		await sim?.close();
		await files?.close();
	});

	it('creates, updates, skips and reports each event of a replayed event file', async () => {
		const events = pushLever.events(files.baseUrl);
		const input = writeNdjson(dir, 'events.ndjson', events);
		const adaBefore = leverByEmail(sim, S.contactEmails.ada);

		const run = await runRecipe(recipeWithLocalFiles(dir, RECIPE), ['--input', input, '--credentials', credentials, '--state', `${dir}/state.json`]);
		expect(run.code).toBe(1);
		expect(run.failedItems).toEqual([{ node: 'Upsert Candidate', inputItem: 4, email: 'nolastname@example.com', message: 'Mandatory field "name" is empty (candidate nolastname@example.com)' }]);
		expect(outputsOf(run, 'Sync Policy')).toEqual([4, 1]);
		expect(outputsOf(run, 'Campaign → Job')).toEqual([3, 1]);
		expect(outputsOf(run, 'Note per Outreach Type')).toEqual([2, 0]);
		expect(outputsOf(run, 'Download CV')).toEqual([1, 1, 0]);
		// Report Failures got the one failed item, after the rest of the run, and failed the run without a second report.
		expect(run.summary.nodes.at(-1)).toMatchObject({ node: 'Report Failures', itemsIn: 1, errors: 0 });
		expect(run.summary).not.toHaveProperty('error');

		expect(leverView(sim).filter((view) => !seedOpportunities.has(view.id))).toEqual([
			{
				id: expect.any(String),
				contact: expect.any(String),
				name: 'Linus Byte',
				emails: ['linus.byte@example.net'],
				// Sent without a type, kept without one (what Lever stores then is undocumented).
				phones: [{ value: '+49 30 1234567' }],
				links: ['https://www.linkedin.com/in/linusbyte'],
				headline: 'Backend Engineer at Kernel GmbH',
				location: 'Berlin',
				postings: [S.postings.published],
				stage: S.stages.recruiterScreen,
				tags: ['Outreach', 'Backend Berlin Q4', ...POSTING_TAGS],
				sources: ['Outreach'],
				origin: 'sourced',
				owner: S.users.recruiter,
				archivedReason: null,
				notes: ['Email: interested in campaign "Backend Berlin Q4"\n\nHappy to talk!'],
				files: ['linus.pdf'],
			},
		]);
		const [adaBackend, adaData] = leverByEmail(sim, S.contactEmails.ada);
		expect(adaBackend).toEqual({
			...adaBefore[0],
			// Name is protected: "Ada King" from the outreach tool does not overwrite Lever's name; the new link is added.
			links: [...adaBefore[0].links, 'https://github.com/ada-l'],
			// The existing candidacy keeps its stage: outreach never moves a candidate back to a lead stage.
			tags: [...adaBefore[0].tags, 'Outreach', 'Backend Berlin Q4'],
			sources: [...adaBefore[0].sources, 'Outreach'],
			notes: [...adaBefore[0].notes, 'LinkedIn: replied in campaign "Backend Berlin Q4"\n\nWhat is the salary range?'],
		});
		// Ada's other candidacy (another posting) only shares the contact's new link.
		expect(adaData).toEqual({ ...adaBefore[1], links: [...adaBefore[1].links, 'https://github.com/ada-l'] });
		for (const email of ['rosa.queue@example.org', 'sam.seller@example.com', 'nolastname@example.com']) expect(leverByEmail(sim, email)).toEqual([]);
	});

	it('refuses to run without a Lever user to create candidates as, before sending anything', async () => {
		const withoutUser = writeJson(dir, 'no-perform-as.json', {
			'Lever account': { type: 'leverApi', data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl } },
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: SIGNING_SECRET } },
		});
		const before = sim.state.opportunities.length;
		const input = writeNdjson(dir, 'events-no-user.ndjson', pushLever.events(files.baseUrl));
		const result = await runCli(['run', recipeFile(RECIPE), '--input', input, '--credentials', withoutUser, '--state', `${dir}/no-user.state.json`]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'Node "Upsert Candidate" creates candidates in Lever, which Lever only does on behalf of a user: set "Default Perform As" (the email or ID of a Lever user) on credential "Lever account", or the node\'s "Perform As"',
		);
		const validated = await runCli(['validate', recipeFile(RECIPE), '--credentials', withoutUser]);
		expect(validated.code).toBe(2);
		expect(validated.stderr).toContain('Node "Attach CV" uploads files in Lever');
		expect(sim.state.opportunities).toHaveLength(before);
	});

	it('served as a webhook: a signed event runs once, its retried delivery and a forged one do not run', async () => {
		const server = await serveRecipe(RECIPE, ['--credentials', credentials, '--state', `${dir}/serve-state.json`]);
		try {
			const url = server.urlOf('Contact Event');
			const delivery = pushLever.served;
			expect(await postSigned(url, SIGNING_SECRET, delivery)).toEqual({ status: 200, body: { received: 1, accepted: 1, ignored: 0, duplicates: 0 } });
			await server.waitFor(/run of "Push interested contacts to Lever"/);
			expect(await postSigned(url, SIGNING_SECRET, delivery)).toEqual({ status: 200, body: { received: 1, accepted: 0, ignored: 0, duplicates: 1 } });
			expect((await postSigned(url, 'not-the-secret-of-the-outreach-tool', { ...delivery, eventId: 'e-11' })).status).toBe(401);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		expect(server.stderr().match(/run of "Push interested contacts to Lever"[^\n]*/g)).toEqual([
			expect.stringMatching(/: success in /),
		]);
		expect(leverByEmail(sim, 'tim.heap@example.org')).toEqual([
			expect.objectContaining({
				name: 'Tim Heap',
				postings: [S.postings.internal],
				stage: S.stages.leadNew,
				tags: ['Outreach', 'Q3 sourcing', 'Staff Data Engineer', 'Engineering', 'Data', 'Remote', 'Full-time'],
				notes: ['Call: added to campaign "Q3 sourcing"\n\nIntro call booked.'],
				files: [],
			}),
		]);
	});
});

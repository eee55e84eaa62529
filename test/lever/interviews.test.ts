/** Interviews and panels through n8n's engine: scheduling, rescheduling and cancelling, and what Lever refuses. */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const S = () => sim.seed;
const ada = () => byId(S().opportunities.adaBackend);
const recruiter = () => byId(S().users.recruiter);
const monday = '2027-01-04T10:00:00.000Z';

describe('panels', () => {
	it('schedules a panel of two interviews, reads it back, changes its note and deletes it', async () => {
		const created = await runLever(sim, {
			resource: 'panel',
			operation: 'create',
			opportunity: ada(),
			interviews: {
				interview: [
					{
						date: monday,
						duration: 45,
						interviewers: [S().users.interviewer],
						subject: 'Coding',
						feedbackTemplate: S().feedbackTemplate,
					},
					{
						date: '2027-01-04T11:00:00.000Z',
						duration: 30,
						interviewers: [S().users.hiringManager, S().users.interviewer],
						subject: 'Team fit',
					},
				],
			},
			performAs: recruiter(),
			additionalFields: { timezone: 'Europe/Berlin', feedbackReminder: 'once' },
		});
		expect(created.error).toBeUndefined();
		const panel = created.json[0];
		expect(panel).toMatchObject({
			externallyManaged: true,
			timezone: 'Europe/Berlin',
			feedbackReminder: 'once',
			start: Date.parse(monday),
		});
		expect(
			(panel.interviews as Array<{ subject: string; interviewers: unknown[] }>).map((entry) => [
				entry.subject,
				entry.interviewers.length,
			]),
		).toEqual([
			['Coding', 1],
			['Team fit', 2],
		]);

		const got = await runLever(sim, {
			resource: 'panel',
			operation: 'get',
			opportunity: ada(),
			panel: byId(panel.id as string),
		});
		expect(got.json[0].id).toBe(panel.id);
		const updated = await runLever(sim, {
			resource: 'panel',
			operation: 'update',
			opportunity: ada(),
			panel: byId(panel.id as string),
			performAs: recruiter(),
			updateFields: { note: 'Room 4', externalUrl: 'https://calendar.example.com/p/1' },
		});
		expect(updated.json[0]).toMatchObject({
			note: 'Room 4',
			externalUrl: 'https://calendar.example.com/p/1',
			timezone: 'Europe/Berlin',
		});
		// The whole panel went back: its interviews kept, by id.
		expect((updated.json[0].interviews as Array<{ id: string }>).map((entry) => entry.id)).toEqual(
			(panel.interviews as Array<{ id: string }>).map((entry) => entry.id),
		);

		const deleted = await runLever(sim, {
			resource: 'panel',
			operation: 'delete',
			opportunity: ada(),
			panel: byId(panel.id as string),
			performAs: recruiter(),
		});
		expect(deleted.json).toEqual([
			{ id: panel.id, opportunityId: S().opportunities.adaBackend, deleted: true },
		]);
		expect(sim.state.panels.map((entry) => entry.id)).toEqual([S().panels.adaPhoneScreen]);
	});

	it('uses the workflow time zone when none is given', async () => {
		const created = await runLever(sim, {
			resource: 'panel',
			operation: 'create',
			opportunity: ada(),
			interviews: {
				interview: [{ date: monday, duration: 30, interviewers: [S().users.interviewer] }],
			},
			performAs: recruiter(),
		});
		expect(created.error).toBeUndefined();
		expect(typeof created.json[0].timezone).toBe('string');
	});

	it('refuses an interview without interviewers (naming it) and a change to a panel made in Lever', async () => {
		const incomplete = await runLever(sim, {
			resource: 'panel',
			operation: 'create',
			opportunity: ada(),
			interviews: {
				interview: [
					{ date: monday, duration: 30, interviewers: [S().users.interviewer] },
					{ date: monday, duration: 30, interviewers: '={{ [] }}' },
				],
			},
			performAs: recruiter(),
		});
		expect(incomplete.error?.message).toMatch(
			/^"Interviews 2: Interviewer Names or IDs" is empty: Lever needs at least one interviewer/,
		);
		const noInterviews = await runLever(sim, {
			resource: 'panel',
			operation: 'create',
			opportunity: ada(),
			performAs: recruiter(),
		});
		expect(noInterviews.error?.message).toMatch(/^"Interviews" is empty/);
		const uiPanel = await runLever(sim, {
			resource: 'panel',
			operation: 'update',
			opportunity: ada(),
			panel: byId(S().panels.adaPhoneScreen),
			performAs: recruiter(),
			updateFields: { note: 'x' },
		});
		expect(uiPanel.error?.message).toMatch(
			/^Lever rejected the request \(400 BadRequest: Panel .* was not created through the API/,
		);
		const noUser = await runLever(sim, {
			resource: 'panel',
			operation: 'delete',
			opportunity: ada(),
			panel: byId(S().panels.adaPhoneScreen),
		});
		expect(noUser.error?.message).toMatch(
			/^Lever needs a user to act as to change interviews: "Perform As" is empty/,
		);
		expect(apiCalls(sim).filter((call) => !call.startsWith('GET'))).toEqual([
			`PUT /opportunities/${S().opportunities.adaBackend}/panels/${S().panels.adaPhoneScreen}`,
		]);
	});
});

describe('interviews', () => {
	it('schedules an interview in a new panel, adds one to that panel, reschedules it and deletes both', async () => {
		const first = await runLever(sim, {
			resource: 'interview',
			operation: 'create',
			opportunity: ada(),
			panel: byId(''),
			date: monday,
			duration: 60,
			interviewers: [S().users.interviewer],
			performAs: recruiter(),
			additionalFields: { subject: 'Coding', location: 'Room 4', timezone: 'Europe/Berlin' },
		});
		expect(first.error).toBeUndefined();
		const panelId = first.json[0].panel as string;
		expect(first.json[0]).toMatchObject({
			subject: 'Coding',
			date: Date.parse(monday),
			duration: 60,
		});
		expect(sim.state.panels.find((panel) => panel.id === panelId)).toMatchObject({
			externallyManaged: true,
			timezone: 'Europe/Berlin',
		});

		const second = await runLever(sim, {
			resource: 'interview',
			operation: 'create',
			opportunity: ada(),
			panel: byId(panelId),
			date: '2027-01-04T12:00:00Z',
			duration: 30,
			interviewers: [S().users.hiringManager],
			performAs: recruiter(),
		});
		expect(second.json[0]).toMatchObject({ panel: panelId, duration: 30 });

		const moved = await runLever(sim, {
			resource: 'interview',
			operation: 'update',
			opportunity: ada(),
			interview: byId(second.json[0].id as string),
			performAs: recruiter(),
			updateFields: { date: '2027-01-05T12:00:00Z', subject: 'Team fit' },
		});
		expect(moved.json[0]).toMatchObject({
			date: Date.parse('2027-01-05T12:00:00Z'),
			subject: 'Team fit',
			duration: 30,
			interviewers: [expect.objectContaining({ id: S().users.hiringManager })],
		});

		const got = await runLever(sim, {
			resource: 'interview',
			operation: 'get',
			opportunity: ada(),
			interview: byId(second.json[0].id as string),
		});
		expect(got.json[0].subject).toBe('Team fit');
		for (const interview of [first.json[0], second.json[0]]) {
			const deleted = await runLever(sim, {
				resource: 'interview',
				operation: 'delete',
				opportunity: ada(),
				interview: byId(interview.id as string),
				performAs: recruiter(),
			});
			expect(deleted.json).toEqual([
				{ id: interview.id, opportunityId: S().opportunities.adaBackend, deleted: true },
			]);
		}
		// Deleting its last interview deleted the panel.
		expect(sim.state.panels.some((panel) => panel.id === panelId)).toBe(false);
	});

	it('refuses an interview without a date before sending, an empty update, and a change in a panel made in Lever', async () => {
		// A mapped value that turns out empty at run time (the editor would not save an empty required field).
		const noDate = await runLever(sim, {
			resource: 'interview',
			operation: 'create',
			opportunity: ada(),
			date: '={{ $json.start }}',
			duration: 30,
			interviewers: [S().users.interviewer],
			performAs: recruiter(),
		});
		expect(noDate.error?.message).toMatch(/^"Date" is empty/);
		const badDuration = await runLever(sim, {
			resource: 'interview',
			operation: 'create',
			opportunity: ada(),
			date: monday,
			duration: 0,
			interviewers: [S().users.interviewer],
			performAs: recruiter(),
		});
		expect(badDuration.error?.message).toMatch(
			/^"Duration \(Minutes\)" must be a whole number of at least 1/,
		);
		const empty = await runLever(sim, {
			resource: 'interview',
			operation: 'update',
			opportunity: ada(),
			interview: byId(S().interviews.adaPhoneScreen),
			performAs: recruiter(),
		});
		expect(empty.error?.message).toMatch(/^"Update Fields" is empty/);
		const uiPanel = await runLever(sim, {
			resource: 'interview',
			operation: 'update',
			opportunity: ada(),
			interview: byId(S().interviews.adaPhoneScreen),
			performAs: recruiter(),
			updateFields: { duration: 60 },
		});
		expect(uiPanel.error?.message).toMatch(
			/^Lever rejected the "Panel" field \(400 BadRequest: Panel .* was not created through the API/,
		);
		const withoutPanel = {
			resource: 'interview',
			operation: 'create',
			opportunity: ada(),
			date: monday,
			duration: 30,
			interviewers: ['no-such-user'],
			performAs: recruiter(),
		};
		const newPanel = await runLever(sim, withoutPanel);
		expect(newPanel.error?.message).toMatch(
			/^Lever could not find the "Interviews" given \(404 ResourceNotFound: users no-such-user was not found\)/,
		);
		const panel = await runLever(sim, { ...withoutPanel, interviewers: [S().users.interviewer] });
		const inPanel = await runLever(sim, {
			...withoutPanel,
			panel: byId(panel.json[0].panel as string),
		});
		expect(inPanel.error?.message).toMatch(
			/^Lever could not find the "Interviewers" given \(404 ResourceNotFound: users no-such-user was not found\)/,
		);
		expect(sim.state.interviews).toHaveLength(2);
	});
});

/**
 * Input hygiene before any write (issue 13, item 4): control characters and oversize values fail the item naming the
 * field before anything is sent, with each vendor's limits; internationalised emails are accepted where the vendor
 * accepts them. The rules one by one, then both ATS nodes through n8n's engine against the simulators, which show
 * the vendor's own rule for the refused form.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { CandidateProfile } from '../../nodes/shared/candidate';
import { candidateProfileSchema, describeProfileIssues } from '../../nodes/shared/candidate';
import {
	LEVER_FIELD_LIMITS,
	profileLimitProblems,
	SMARTRECRUITERS_FIELD_LIMITS,
	strictestLimits,
} from '../../nodes/shared/fieldLimits';
import {
	controlCharacterProblem,
	isEmailAddress,
	smartRecruitersEmail,
} from '../../nodes/shared/fieldText';
import { apiKeyCredentials as leverCredentials, byId } from '../lever/helpers';
import { runNode } from '../harness';
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import {
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import { apiKeyCredentials as srCredentials } from '../smartrecruiters/helpers';

const NAME_20001 = 'N'.repeat(20_001);

describe('control characters', () => {
	it.each([
		['Ada\u0000Lovelace', 'contains a control character (U+0000 NUL at position 4)'],
		['Ada\u001fLovelace', 'contains a control character (U+001F at position 4)'],
		['Ada\u007f', 'contains a control character (U+007F DEL at position 4)'],
		['Ada\u0085', 'contains a control character (U+0085 at position 4)'],
		[
			'Ada\nLovelace',
			'contains a control character (U+000A line feed at position 4); this field takes one line',
		],
		[
			'Ada\tLovelace',
			'contains a control character (U+0009 tab at position 4); this field takes one line',
		],
		['Ada\ud800', 'contains an unpaired surrogate (U+D800 at position 4)'],
		['\udc00Ada', 'contains an unpaired surrogate (U+DC00 at position 1)'],
	])('refuses %j in one-line text', (text, problem) => {
		expect(controlCharacterProblem(text, false)).toBe(problem);
	});

	it('takes line breaks and tabs in text that may span lines, and any real character anywhere', () => {
		expect(controlCharacterProblem('Line one\r\nLine two\tindented', true)).toBeUndefined();
		expect(controlCharacterProblem('Zoë 😀 Łódź ܐ 中文', false)).toBeUndefined();
		expect(controlCharacterProblem('Feedback\u0000', true)).toBe(
			'contains a control character (U+0000 NUL at position 9)',
		);
	});

	it('names the field in the canonical profile, custom fields included', () => {
		const result = candidateProfileSchema.safeParse({
			email: 'ada@example.com',
			firstName: 'Ada\u0000',
			customFields: { notes: 'two\nlines', code: 'x\u0007' },
		});
		expect(result.success).toBe(false);
		expect(describeProfileIssues(result.error!)).toBe(
			'"firstName" contains a control character (U+0000 NUL at position 4); "customFields.code" contains a control character (U+0007 at position 2)',
		);
	});
});

describe('email addresses', () => {
	it.each([
		'ada@example.com',
		'ada.lovelace+outreach@mail.example.co.uk',
		'ünïcødé@exämple.de',
		'用户@例子.广告',
		'ada@xn--exmple-cua.de',
		`${'a'.repeat(64)}@example.com`,
	])('accepts %s', (email) => {
		expect(isEmailAddress(email)).toBe(true);
		expect(candidateProfileSchema.safeParse({ email }).success).toBe(true);
	});

	it.each([
		'ada',
		'ada@',
		'@example.com',
		'ada@example',
		'ada@example.123',
		'ada..l@example.com',
		'.ada@example.com',
		'ada@-example.com',
		'ada lovelace@example.com',
		'"ada lovelace"@example.com',
		`${'a'.repeat(65)}@example.com`,
		`ada@${'a'.repeat(250)}.de`,
	])('refuses %s', (email) => {
		expect(isEmailAddress(email)).toBe(false);
		expect(describeProfileIssues(candidateProfileSchema.safeParse({ email }).error!)).toBe(
			'"email" must be an email address',
		);
	});

	it("takes SmartRecruiters' form: ASCII, the domain in punycode when it is international", () => {
		expect(smartRecruitersEmail('ada@example.com')).toEqual({ ok: true, email: 'ada@example.com' });
		expect(smartRecruitersEmail('ada@exämple.de')).toEqual({
			ok: true,
			email: 'ada@xn--exmple-cua.de',
		});
		expect(smartRecruitersEmail('ünïcødé@exämple.de')).toEqual({
			ok: false,
			message:
				'ünïcødé@exämple.de has non-ASCII characters before the @, which SmartRecruiters does not accept (its API takes RFC 5321 addresses; only the domain may be international)',
		});
	});
});

describe('length limits', () => {
	const profile: CandidateProfile = {
		email: 'ada@example.com',
		firstName: 'F'.repeat(129),
		name: NAME_20001,
		links: {
			twitter: `https://x.com/${'t'.repeat(100)}`,
			other: [`https://example.com/${'o'.repeat(2100)}`],
		},
		tags: Array.from({ length: 101 }, (_, index) => `tag ${index}`),
	};

	it("uses SmartRecruiters' documented limits", () => {
		expect(profileLimitProblems(profile, SMARTRECRUITERS_FIELD_LIMITS)).toEqual([
			'"firstName" is 129 characters long; SmartRecruiters takes at most 128',
			'"name" is 20,001 characters long; SmartRecruiters takes at most 257',
			'"links.twitter" is 114 characters long; SmartRecruiters takes at most 100',
			'"tags" has 101 entries; SmartRecruiters takes at most 100',
		]);
	});

	it('says where Lever documents none and what this package chose', () => {
		expect(profileLimitProblems(profile, LEVER_FIELD_LIMITS)).toEqual([
			'"name" is 20,001 characters long; at most 255 are sent to Lever, which documents no limit',
			'"links.other.0" is 2,120 characters long; at most 2,048 are sent to Lever, which documents no limit',
		]);
	});

	it('checks an event against the stricter of the two', () => {
		const strictest = strictestLimits(SMARTRECRUITERS_FIELD_LIMITS, LEVER_FIELD_LIMITS).text;
		expect([
			strictest.firstName?.max,
			strictest.name?.max,
			strictest.email?.max,
			strictest.note?.max,
			strictest.link?.max,
		]).toEqual([128, 255, 128, 10_000, 2048]);
	});
});

describe('Lever node: hygiene before any request', () => {
	let sim: LeverSimulator;
	beforeAll(async () => {
		sim = await startLeverSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.reset());

	const upsert = (candidateProfile: object) =>
		runNode({
			type: 'lever',
			credentials: leverCredentials(sim),
			continueOnFail: true,
			parameters: {
				resource: 'opportunity',
				operation: 'upsert',
				profileInput: 'json',
				candidateProfile: candidateProfile as INodeParameters,
				posting: byId(sim.seed.postings.published),
				performAs: byId(sim.seed.users.recruiter),
			},
		});
	const errorOf = (result: Awaited<ReturnType<typeof upsert>>) => result.outputs[0][0].json.error;

	it.each([
		[
			'a NUL in the name',
			{ email: 'nul@example.com', name: 'Ada\u0000Lovelace' },
			'Invalid candidate profile: "name" contains a control character (U+0000 NUL at position 4) (candidate nul@example.com)',
		],
		[
			'a 20,001-character name',
			{ email: 'long@example.com', name: NAME_20001 },
			'Invalid candidate profile: "name" is 20,001 characters long; at most 255 are sent to Lever, which documents no limit (candidate long@example.com)',
		],
		[
			'a malformed email',
			{ email: 'bad@', name: 'Ada' },
			'Invalid candidate profile: "email" must be an email address (candidate bad@)',
		],
	])('fails %s naming the field, and sends nothing', async (_label, candidate, message) => {
		expect(errorOf(await upsert(candidate))).toBe(message);
		expect(sim.requests).toEqual([]);
	});

	it('writes an internationalised email as given: Lever documents no restriction, and its API accepts it', async () => {
		const result = await upsert({ email: 'ünïcødé@exämple.de', name: 'Ünï Cødé' });
		expect(result.outputs[0][0].json).toMatchObject({ action: 'created' });
		const contact = sim.state.contacts.find((entry) => entry.emails.includes('ünïcødé@exämple.de'));
		expect(contact?.name).toBe('Ünï Cødé');
		// A rerun finds it by the same address: no second candidacy.
		expect(
			(await upsert({ email: 'ünïcødé@exämple.de', name: 'Ünï Cødé' })).outputs[0][0].json,
		).toMatchObject({ action: 'unchanged' });
	});

	it('refuses a control character in a note but keeps its line breaks', async () => {
		const addNote = (note: string) =>
			runNode({
				type: 'lever',
				credentials: leverCredentials(sim),
				continueOnFail: true,
				parameters: {
					resource: 'opportunity',
					operation: 'addNote',
					opportunity: byId(sim.seed.opportunities.adaBackend),
					note,
				},
			});
		expect((await addNote('Reply:\u0000 yes')).outputs[0][0].json.error).toBe(
			`"Note" contains a control character (U+0000 NUL at position 7) (opportunity ${sim.seed.opportunities.adaBackend})`,
		);
		expect(sim.requests.filter((request) => request.method === 'POST')).toEqual([]);
		expect((await addNote('Reply:\n\tyes')).outputs[0][0].json).toMatchObject({
			noteId: expect.any(String),
		});
	});
});

describe('SmartRecruiters node: hygiene before any request', () => {
	let sim: SmartRecruitersSimulator;
	beforeAll(async () => {
		sim = await startSmartRecruitersSimulator();
	});
	afterAll(async () => await sim.close());
	afterEach(() => expect(sim.contractViolations).toEqual([]));

	const upsert = (candidateProfile: object) =>
		runNode({
			type: 'smartRecruiters',
			credentials: srCredentials(sim),
			continueOnFail: true,
			parameters: {
				resource: 'candidate',
				operation: 'upsert',
				profileInput: 'json',
				candidateProfile: candidateProfile as INodeParameters,
				job: byId(sim.seed.jobs.backendEngineer),
			},
		});
	const errorOf = (result: Awaited<ReturnType<typeof upsert>>) => result.outputs[0][0].json.error;

	it.each([
		[
			'a NUL in the first name',
			{ email: 'nul@example.com', firstName: 'Ada\u0000', lastName: 'Lovelace' },
			'Invalid candidate profile: "firstName" contains a control character (U+0000 NUL at position 4) (candidate nul@example.com)',
		],
		[
			'a 20,001-character last name',
			{ email: 'long@example.com', firstName: 'Ada', lastName: NAME_20001 },
			'Invalid candidate profile: "lastName" is 20,001 characters long; SmartRecruiters takes at most 128 (candidate long@example.com)',
		],
		[
			'a full name whose last name part is too long',
			{ email: 'long@example.com', name: `Ada ${'L'.repeat(129)}` },
			'Invalid candidate profile: "name (last name part)" is 129 characters long; SmartRecruiters takes at most 128 (candidate long@example.com)',
		],
		[
			'an internationalised local part',
			{ email: 'ünïcødé@exämple.de', firstName: 'Ünï', lastName: 'Cødé' },
			'Invalid candidate profile: "email" ünïcødé@exämple.de has non-ASCII characters before the @, which SmartRecruiters does not accept (its API takes RFC 5321 addresses; only the domain may be international)',
		],
	])('fails %s naming the field, and sends nothing', async (_label, candidate, message) => {
		const before = sim.requests.length;
		expect(errorOf(await upsert(candidate))).toBe(message);
		expect(sim.requests.slice(before)).toEqual([]);
	});

	it('refuses an internationalised local part itself, as its OpenAPI description says (format: email)', async () => {
		const response = await fetch(`${sim.baseUrl}/candidates`, {
			method: 'POST',
			headers: { 'x-smarttoken': sim.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ firstName: 'Ünï', lastName: 'Cødé', email: 'ünïcødé@exämple.de' }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({
			errors: [{ code: 'VALIDATION_ERROR', message: expect.stringMatching(/email/) }],
		});
		sim.contractViolations.length = 0;
	});

	it('writes an address with an international domain in punycode, the same address in the form SmartRecruiters takes', async () => {
		const result = await upsert({ email: 'ada@exämple.de', firstName: 'Ada', lastName: 'Umlaut' });
		expect(result.outputs[0][0].json).toMatchObject({ action: 'created' });
		expect(
			sim.state.candidates.filter((candidate) => candidate.email === 'ada@xn--exmple-cua.de'),
		).toHaveLength(1);
		// A rerun with the Unicode form finds the same candidate.
		expect(
			(await upsert({ email: 'ada@exämple.de', firstName: 'Ada', lastName: 'Umlaut' }))
				.outputs[0][0].json,
		).toMatchObject({ action: 'unchanged' });
		expect(
			sim.state.candidates.filter((candidate) => candidate.email === 'ada@xn--exmple-cua.de'),
		).toHaveLength(1);
	});

	it('checks "Define Below" fields of Create the same way, by the names the node shows', async () => {
		const before = sim.requests.length;
		const { outputs } = await runNode({
			type: 'smartRecruiters',
			credentials: srCredentials(sim),
			continueOnFail: true,
			parameters: {
				resource: 'candidate',
				operation: 'create',
				addTo: 'talentPool',
				firstName: 'Ada\u0000',
				lastName: 'L'.repeat(129),
				email: 'ada.create@example.com',
			},
		});
		expect(outputs[0][0].json.error).toBe(
			'Invalid candidate: "First Name" contains a control character (U+0000 NUL at position 4); "Last Name" is 129 characters long; SmartRecruiters takes at most 128 (candidate ada.create@example.com)',
		);
		expect(sim.requests.slice(before)).toEqual([]);
	});
});

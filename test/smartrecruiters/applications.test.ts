/**
 * What SmartRecruiters keeps on a job application and its offer, through n8n's engine against the simulator:
 * candidate properties (the hire's custom fields), screening answers, onboarding status, consent, attachments and
 * offer documents — files out as binary data — with Return All / Limit and errors that name the field.
 */
import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import type { SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { byId, methodsContext, nodeTestFile, runSmartRecruiters } from './helpers';

const kit = nodeTestFile('applications.test.ts');
const { items, json, failure } = kit;
const S = () => kit.seed;
let sim: SmartRecruitersSimulator;
beforeAll(() => {
	sim = kit.sim;
});
const johnsHire = () => ({ candidate: byId(S().candidates.john), job: byId(S().jobs.dataAnalyst) });
const notOnJob = () => ({
	candidate: byId(S().candidates.john),
	job: byId(S().jobs.backendEngineer),
});
const notOnJobMessage = () =>
	`SmartRecruiters could not find the "Job" given (404 JOB_NOT_FOUND: Candidate ${S().candidates.john} is not assigned to job ${S().jobs.backendEngineer})`;

describe('Candidate → Get Properties (custom fields of a hire)', () => {
	it('one item per property of a context, or the values by name added to the input item', async () => {
		const hireForm = await json('candidate', 'getProperties', {
			...johnsHire(),
			context: 'HIRE_FORM',
		});
		expect(hireForm.map((property) => [property.label, property.type])).toEqual([
			['Start date', 'DATE'],
			['Salary', 'CURRENCY'],
			['Employment type', 'SINGLE_SELECT'],
			['Cost center', 'TEXT'],
		]);
		const [hire] = await items(
			'candidate',
			'getProperties',
			{ ...johnsHire(), context: 'HIRE_FORM', output: 'addToInput' },
			[{ json: { application: { candidateId: S().candidates.john, status: 'HIRED' } } }],
		);
		expect(hire.json).toEqual({
			application: { candidateId: S().candidates.john, status: 'HIRED' },
			candidateProperties: {
				'Start date': '2026-08-01T00:00:00.000Z',
				Salary: { code: 'EUR', value: 72000 },
				'Employment type': 'Full-time',
				'Cost center': 'CC-200 Analytics',
			},
		});
		expect(hire.pairedItem).toEqual({ item: 0 });
	});

	it('an application without properties: no items, or an empty set added to the input item; a wrong job is named', async () => {
		const maria = { candidate: byId(S().candidates.maria), job: byId(S().jobs.backendEngineer) };
		expect(await json('candidate', 'getProperties', maria)).toEqual([]);
		const [kept] = await json('candidate', 'getProperties', { ...maria, output: 'addToInput' });
		expect(kept).toEqual({ candidateProperties: {} });
		expect(await failure('candidate', 'getProperties', notOnJob())).toBe(notOnJobMessage());
	});
});

describe('Candidate → Get Screening Answers', () => {
	it('one item per answer with the answer as text; Limit; a wrong job is named', async () => {
		const jane = { candidate: byId(S().candidates.jane), job: byId(S().jobs.backendEngineer) };
		const answers = await json('candidate', 'getScreeningAnswers', { ...jane, returnAll: true });
		expect(answers.map((answer) => [answer.label, answer.text])).toEqual([
			['Do you have a permit to work in Germany?', 'Yes'],
			['Why Acme?', 'I like distributed systems.'],
		]);
		expect(
			await json('candidate', 'getScreeningAnswers', { ...jane, returnAll: false, limit: 1 }),
		).toHaveLength(1);
		expect(
			await failure('candidate', 'getScreeningAnswers', { ...notOnJob(), returnAll: true }),
		).toBe(notOnJobMessage());
	});
});

describe('Candidate → Get / Set Onboarding Status', () => {
	it('reads and sets the status of a hire (again without change); errors say what is wrong', async () => {
		expect(await json('candidate', 'getOnboardingStatus', johnsHire())).toEqual([
			{
				candidateId: S().candidates.john,
				jobId: S().jobs.dataAnalyst,
				onboardingStatus: 'READY_TO_ONBOARD',
			},
		]);
		for (let run = 0; run < 2; run++) {
			const [set] = await json('candidate', 'setOnboardingStatus', {
				...johnsHire(),
				onboardingStatus: 'ONBOARDING_SUCCESSFUL',
			});
			expect(set.onboardingStatus).toBe('ONBOARDING_SUCCESSFUL');
		}
		expect(
			sim.state.applications.find(
				(application) => application.id === S().applications.johnDataAnalyst,
			)!.onboardingStatus,
		).toBe('ONBOARDING_SUCCESSFUL');

		expect(await failure('candidate', 'getOnboardingStatus', notOnJob())).toBe(notOnJobMessage());
		expect(
			await failure('candidate', 'setOnboardingStatus', {
				...notOnJob(),
				onboardingStatus: 'ONBOARDING_FAILED',
			}),
		).toBe(notOnJobMessage());
		sim.state.config.onboardingStatusActive = false;
		try {
			const off = await runSmartRecruiters(sim, {
				resource: 'candidate',
				operation: 'setOnboardingStatus',
				...johnsHire(),
				onboardingStatus: 'ONBOARDING_FAILED',
			});
			expect(off.error?.message).toBe(
				`Onboarding Status is not active in this SmartRecruiters company (404 ONBOARDING_STATUS_NOT_ACTIVE: Onboarding Status candidate property is not activated) (candidate ${S().candidates.john})`,
			);
			expect(off.error?.description).toMatch(
				/administrator activates the Onboarding Status candidate field/,
			);
		} finally {
			sim.state.config.onboardingStatusActive = true;
		}
	});
});

describe('Candidate → Get Consent / Request Consent', () => {
	it('reads consent; requests it by email once, also when the response was lost', async () => {
		const [jane] = await json('candidate', 'getConsent', { candidate: byId(S().candidates.jane) });
		expect(jane).toMatchObject({
			candidateId: S().candidates.jane,
			status: 'ACQUIRED',
			decisions: [{ status: 'acquired', scope: 'Single' }],
		});

		const [requested] = await json('candidate', 'requestConsent', {
			candidate: byId(S().candidates.tom),
		});
		expect(requested).toMatchObject({ candidateId: S().candidates.tom, requested: true });
		const [tom] = await json('candidate', 'getConsent', { candidate: byId(S().candidates.tom) });
		expect(tom).toMatchObject({
			status: 'PENDING',
			recentPendingRequestCreatedOn: expect.any(String),
		});

		const maria = () =>
			sim.state.candidates.find((candidate) => candidate.id === S().candidates.maria)!;
		sim.setFaults({ seed: 17, rateLostCreate: 1 });
		try {
			await json('candidate', 'requestConsent', { candidate: byId(S().candidates.maria) });
		} finally {
			sim.setFaults(undefined);
		}
		expect(maria().consentRequestsSent).toBe(1);
	});

	it('says why a request cannot be sent: no privacy policy, or no such candidate', async () => {
		sim.state.config.privacyPolicy = false;
		try {
			expect(
				await failure('candidate', 'requestConsent', { candidate: byId(S().candidates.tom) }),
			).toBe(
				`SmartRecruiters cannot request consent from this candidate: the company has no privacy policy configured (candidate ${S().candidates.tom})`,
			);
		} finally {
			sim.state.config.privacyPolicy = true;
		}
		const missing = '00000000-0000-4000-8000-000000000000';
		expect(await failure('candidate', 'requestConsent', { candidate: byId(missing) })).toBe(
			`SmartRecruiters could not find the "Candidate" given (404 CANDIDATE_NOT_FOUND: Candidate ${missing} not found)`,
		);
		expect(await failure('candidate', 'getConsent', { candidate: byId(missing) })).toBe(
			`SmartRecruiters could not find the "Candidate" given (404 CANDIDATE_NOT_FOUND: Candidate ${missing} not found)`,
		);
	});
});

describe('Candidate → Delete', () => {
	it('deletes the candidate with the applications; a second delete names the candidate that is gone', async () => {
		const tom = S().candidates.tom;
		expect(await json('candidate', 'delete', { candidate: byId(tom) })).toEqual([
			{ candidateId: tom, deleted: true },
		]);
		expect(sim.state.candidates.some((candidate) => candidate.id === tom)).toBe(false);
		expect(await failure('candidate', 'delete', { candidate: byId(tom) })).toBe(
			`SmartRecruiters could not find the "Candidate" given (404 CANDIDATE_NOT_FOUND: Candidate ${tom} not found)`,
		);
	});
});

describe('Candidate → Get Attachments / Download Attachment', () => {
	it('lists the files of an application and downloads one as binary data', async () => {
		const jane = { candidate: byId(S().candidates.jane), job: byId(S().jobs.backendEngineer) };
		const cv = Buffer.from('%PDF-1.4 résumé of Jane Doe');
		await kit.items(
			'candidate',
			'uploadAttachment',
			{ ...jane, attachmentType: 'RESUME', binaryPropertyName: 'data' },
			[
				{
					json: {},
					binary: {
						data: {
							data: cv.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'jane-doe-cv.pdf',
						},
					},
				},
			],
		);
		await kit.items(
			'candidate',
			'uploadAttachment',
			{ ...jane, attachmentType: 'COVER_LETTER', binaryPropertyName: 'data' },
			[
				{
					json: {},
					binary: {
						data: {
							data: Buffer.from('Dear Acme').toString('base64'),
							mimeType: 'text/plain',
							fileName: 'letter.txt',
						},
					},
				},
			],
		);
		const listed = await json('candidate', 'getAttachments', { ...jane, returnAll: true });
		expect(listed.map((attachment) => [attachment.name, attachment.type])).toEqual([
			['jane-doe-cv.pdf', 'RESUME'],
			['letter.txt', 'COVER_LETTER'],
		]);
		expect(
			await json('candidate', 'getAttachments', { ...jane, returnAll: false, limit: 1 }),
		).toHaveLength(1);

		const [file] = await items('candidate', 'downloadAttachment', {
			...jane,
			attachment: byId(String(listed[0].id)),
			binaryPropertyName: 'resume',
		});
		expect(file.json).toMatchObject({
			id: listed[0].id,
			candidateId: S().candidates.jane,
			jobId: S().jobs.backendEngineer,
			fileName: 'jane-doe-cv.pdf',
			mimeType: 'application/pdf',
			fileSize: cv.length,
		});
		expect(Buffer.from(file.binary!.resume.data, 'base64').equals(cv)).toBe(true);

		const { listSearch } = new SmartRecruiters().methods;
		const found = await listSearch.searchAttachments.call(
			methodsContext(sim, { resource: 'candidate', operation: 'downloadAttachment', ...jane }),
			'letter',
		);
		expect(found.results).toEqual([{ name: 'letter.txt (COVER_LETTER)', value: listed[1].id }]);

		const missing = '00000000-0000-4000-8000-000000000000';
		expect(
			await failure('candidate', 'downloadAttachment', { ...jane, attachment: byId(missing) }),
		).toBe(
			`SmartRecruiters could not find the "Attachment" given (404 FILE_NOT_FOUND: Attachment ${missing} not found) (candidate ${S().candidates.jane})`,
		);
		expect(await failure('candidate', 'getAttachments', { ...notOnJob(), returnAll: true })).toBe(
			notOnJobMessage(),
		);
	});
});

describe('Offer → Get Documents / Download Document', () => {
	it('lists the documents of a sent offer (Limit) and downloads them as binary data with their type', async () => {
		const offerId = S().offers.johnDataAnalyst;
		const documents = await json('offer', 'getDocuments', { offerId, returnAll: true });
		expect(documents.map((document) => [document.name, document.provider])).toEqual([
			['Offer letter - John Smith.pdf', 'DOCUSIGN'],
			['Certificate of completion.pdf', 'DOCUSIGN'],
		]);
		expect(
			await json('offer', 'getDocuments', { offerId, returnAll: false, limit: 1 }),
		).toHaveLength(1);

		const [letter] = await items('offer', 'downloadDocument', {
			offerId,
			document: byId(S().offerDocuments.johnOfferLetter),
			binaryPropertyName: 'data',
		});
		expect(letter.json).toMatchObject({
			offerId,
			fileName: 'Offer letter - John Smith.pdf',
			mimeType: 'application/pdf',
		});
		const stored = sim.state.offers[0].documents[0].content;
		expect(Buffer.from(letter.binary!.data.data, 'base64').equals(stored)).toBe(true);
		expect(letter.binary!.data).toMatchObject({
			fileName: 'Offer letter - John Smith.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		// Sent as application/octet-stream (as the spec declares): the type comes from the file's name.
		const [certificate] = await items('offer', 'downloadDocument', {
			offerId,
			document: byId(S().offerDocuments.johnCertificate),
		});
		expect(certificate.binary!.data).toMatchObject({
			fileName: 'Certificate of completion.pdf',
			mimeType: 'application/pdf',
		});

		const { listSearch } = new SmartRecruiters().methods;
		const found = await listSearch.searchOfferDocuments.call(
			methodsContext(sim, { resource: 'offer', operation: 'downloadDocument', offerId }),
			'letter',
		);
		expect(found.results).toEqual([
			{ name: 'Offer letter - John Smith.pdf', value: S().offerDocuments.johnOfferLetter },
		]);
	});

	it('keeps to 2 downloads a second: five documents in one run, none refused', async () => {
		const limitedBefore = sim.rateLimited;
		const result = await runSmartRecruiters(
			sim,
			{
				resource: 'offer',
				operation: 'downloadDocument',
				offerId: S().offers.johnDataAnalyst,
				document: { __rl: true, mode: 'id', value: '={{ $json.document }}' },
			},
			{
				input: Array.from({ length: 5 }, (_, n) => ({
					document: n % 2 ? S().offerDocuments.johnCertificate : S().offerDocuments.johnOfferLetter,
				})),
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(sim.rateLimited).toBe(limitedBefore);
	});

	it("errors name the offer or document with SmartRecruiters' message", async () => {
		const offerId = S().offers.johnDataAnalyst;
		const missing = '00000000-0000-4000-8000-000000000000';
		expect(await failure('offer', 'downloadDocument', { offerId, document: byId(missing) })).toBe(
			`SmartRecruiters could not find the "Document" given (404 DOCUMENT_NOT_FOUND: Document ${missing} not found in offer ${offerId})`,
		);
		expect(await failure('offer', 'getDocuments', { offerId: missing, returnAll: true })).toBe(
			`SmartRecruiters could not find the "Offer ID" given (404 OFFER_NOT_FOUND: Offer ${missing} not found)`,
		);
		const unsent = '0f000000-0000-4000-8000-000000000042';
		sim.state.offers.push({
			...structuredClone(sim.state.offers[0]),
			id: unsent,
			status: 'CREATED',
			sentWith: undefined,
		});
		expect(await failure('offer', 'getDocuments', { offerId: unsent, returnAll: true })).toBe(
			`SmartRecruiters rejected the request (409 OFFER_NOT_SENT: Offer ${unsent} has not been sent to the candidate)`,
		);
		sim.state.offers[0].documents[0].malware = true;
		try {
			expect(
				await failure('offer', 'downloadDocument', {
					offerId,
					document: byId(S().offerDocuments.johnOfferLetter),
				}),
			).toMatch(
				/^The SmartRecruiters API key is not allowed to do this \(403 MALWARE_DETECTED: Document .* cannot be downloaded: malware was detected in it\)$/,
			);
		} finally {
			sim.state.offers[0].documents[0].malware = false;
		}
	});
});

it('ran every operation this file owns (coverage.ts)', () => {
	expect(kit.missing()).toEqual([]);
});

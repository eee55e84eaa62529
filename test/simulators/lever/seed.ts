/**
 * The simulator's seed account ("Acme"): ids are fixed so tests and recipes can import them; timestamps are integer
 * milliseconds in the past. `createSeedState()` returns a fresh deep copy every time (reset() uses it).
 */
import type {
	LeverFeedbackTemplate,
	LeverFormTemplate,
	LeverPosting,
	LeverState,
	TemplateField,
} from './types';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0); // account data starts here
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number, minutes = 0) => T0 + days * DAY + minutes * 60 * 1000;

export const LEVER_SEED = {
	/** Basic-auth keys (username = key, blank password). */
	apiKey: 'sim_lever_full_4f9c2a7e1b8d4c6fa0e35b7d9c1e2f48',
	limitedApiKey: 'sim_lever_limited_7a2e9d4b6c1f4e8a93b05d7c2e1f6a04',
	oauthClientId: 'sim-lever-client-2b7f4c9e',
	oauthClientSecret: 'sim-lever-secret-9d3e7a1c5b8f4e2d6a0c',
	users: {
		admin: '0f08c24d-3ce4-4353-94e1-f31f9b875214',
		recruiter: 'ced6880a-18ac-4d94-ad5d-54a85e846655',
		interviewer: 'f9d54174-c998-4d51-814a-79c2d364f64a',
		hiringManager: 'd5c41d58-5582-4f5d-a77a-c4c5474d0dd8',
		deactivated: 'bb40ca9e-bc2f-441f-b685-50effcd97698',
	},
	userEmails: {
		admin: 'morgan.admin@acme.example',
		recruiter: 'riley.recruiter@acme.example',
		interviewer: 'ivan.interviewer@acme.example',
		hiringManager: 'hana.manager@acme.example',
		deactivated: 'dana.former@acme.example',
	},
	stages: {
		leadNew: 'lead-new',
		leadReachedOut: 'lead-reached-out',
		leadResponded: 'lead-responded',
		applicantNew: 'applicant-new',
		recruiterScreen: 'c4cb7fbb-1843-4f84-b607-5bd637f99f3a',
		phoneInterview: 'adb3fbcb-2599-4a04-903d-a34c10986c36',
		onsite: 'ba2b02c4-42a4-4266-afbd-9e21f8d50265',
		offer: 'offer',
	},
	archiveReasons: {
		hired: 'a5a18172-0cbd-4801-8e6d-5005ca9e6593',
		withdrew: 'f2b0e16f-726d-42cd-a072-8a276cd96944',
		underqualified: '929dd53d-1e42-49f6-ad38-204125ab930a',
		timing: '5bf37656-f325-4558-8a97-388994de41ef',
		offerDeclined: '35e01844-4e1e-4f19-830c-af5b570f2ada',
		positionFilled: '4749802b-e837-41bb-9d90-8f2c7e48a65b',
		duplicate: '0d5b4c3e-7a1f-4c2e-9b8d-6e2f1a3c5d7b',
		inactiveHired: '72cb8c88-884f-432e-b217-4a7293d1dbad',
	},
	postings: {
		published: '6bf017d8-6bd4-4857-adf9-d5a00aecee87',
		internal: 'd1130a38-c66d-4f50-99ed-bf7b99da7a6b',
		closed: '81f4cb29-a9ca-4685-a872-7186467ba717',
		draft: '4dde0d93-cf0e-4963-844c-01e19dddaf2a',
		pending: '0675dd8a-e2f6-4a78-8be0-3c29930406d3',
		confidential: 'f78b58b2-b074-421c-b464-1cd47d0872fb',
	},
	contacts: {
		/** two opportunities */
		ada: 'ebc5c24a-bc50-4948-9ad6-44ef15fde394',
		/** one archived (withdrew) opportunity */
		grace: '47d79922-53a3-4c5c-b2bb-34ada374affa',
		/** hired, signed offer, profile form */
		alan: '7d8bd6b9-70ad-4419-bbe4-987538785482',
		/** confidential candidacy (hidden by default) */
		katherine: 'fe62be87-d97b-4788-a8a7-c18c04eb8b27',
	},
	contactEmails: {
		ada: 'ada.lovelace@example.com',
		grace: 'grace.hopper@example.com',
		alan: 'alan.turing@example.com',
		katherine: 'katherine.johnson@example.com',
	},
	opportunities: {
		/** published posting, phone-interview stage, feedback + interview + note + resume + files */
		adaBackend: 'fdd0040c-6cd9-460a-9ebc-8a838e01f8ee',
		/** internal posting, lead-reached-out */
		adaData: 'fa9fde3a-0b6a-46fa-88f6-c229adfdf178',
		/** archived with a non-hired reason */
		graceArchived: 'af10bfc4-2a10-4bad-9b6a-bcae09612604',
		/** archived as hired, signed offer, profile form */
		alanHired: '4c6c158f-e4dc-43e1-a79e-40cef42f8f96',
		/** on the confidential posting */
		katherineConfidential: '546afe2a-faea-4b06-88f7-efb05d952c6f',
	},
	applications: {
		adaBackend: '54693896-102e-4170-886b-2ac4dd0666aa',
		adaData: '28b12a4d-5f69-4551-a817-811d30180fa5',
		graceArchived: 'bc76109c-2c53-423a-a40c-137789dfd241',
		alanHired: 'ebb6a903-1f08-4eb9-9caf-5e9fec49dd17',
		katherineConfidential: 'b9eef091-8ca9-4df4-a54a-a0afb1efceb9',
	},
	feedbackTemplate: '855ee014-f863-456f-ac0c-bb50c649c144',
	feedbackTemplateFields: {
		/** the one score-system field ("4 - Strong Hire" … "1 - Strong No Hire") */
		rating: 'cdb9f521-6207-4445-b0cc-7f9696c2c91c',
		scorecard: 'f7a52b74-c028-4dfe-a971-2b6622b0a484',
		comments: 'e62510fd-361a-4ea8-8a97-f2d7b5c0b287',
		wouldWorkWith: '9cf2fc40-8373-487f-b9c9-86ebcfb4b9b3',
		seniority: 'c36f1cac-dc59-4022-acb3-ffb7371ae152',
		technicalScore: '1fb3f074-70fc-4654-9933-dcfc8cb4ad28',
	},
	feedback: { adaPhoneScreen: 'b880b28d-d106-4a34-b72f-e448ea7c2c76' },
	panels: { adaPhoneScreen: '42c4b3b0-bd7c-4019-95f1-575532f6f995' },
	interviews: { adaPhoneScreen: '92bc0187-09ae-474b-a293-36daa7c4d18b' },
	notes: { adaIntro: 'a762270e-f4e0-4a10-b446-33bf3b5f650d' },
	files: {
		adaPortfolio: 'fca2b37c-1124-4659-8cee-b70afceb6582',
		/** status "error": its download answers 422 */
		adaBroken: '16aa9948-82c3-4413-946e-d71bcca5d168',
	},
	resumes: { adaBackend: 'ac8621c9-3561-4bf6-86c1-5b61e9ca8fb2' },
	offers: {
		alanSigned: 'd58a786a-21ed-426d-af01-ded99c79aed1',
		alanDenied: '98284924-36e5-4bdb-b2f9-242d2f5e27c5',
	},
	/** the profile form template "Onboarding details" (Alan's form is filled in from it) */
	formTemplate: 'f09f1444-0327-45e2-bfde-1ad40f9ee3b4',
	forms: { alanOnboarding: '1ca69c65-910d-4661-8967-d6aaff7f2fe0' },
	formFields: {
		preferredName: '8e02da5f-a812-4f53-9305-11488253f405',
		/** required */
		startDate: '17ca54d8-ed16-491e-8fee-63133cb9ff75',
		laptop: '6086cfb6-153a-4525-b867-c870142d1596',
		signingBonus: '275622ce-a5bd-4314-8a08-8a3773590541',
		tShirtSize: '3b0f4c1e-6a2d-4e8b-9c71-2f5d8e0a4b63',
		startLocation: 'c8e1a7d2-4f3b-4a90-8e26-7b1d5c9f0e34',
	},
	/** Alan's profile form answers that an onboarding system takes */
	alanForm: { tShirtSize: 'L', startLocation: 'Berlin HQ', preferredName: 'Al' },
	referralTemplate: '5d2e8f14-9b3c-4a7e-b1d6-0c4f7a2e9b58',
	referrals: { alan: 'e6a3c9b1-2d4f-4e8a-9b7c-1f0e5d3a6c27' },
	referralFields: {
		referrerName: '9f4b2c7e-1a3d-4b6e-8c5f-2d7a0e9b4c13',
		relationship: '2c7e9a4f-6b1d-4e3a-9f8c-5b0d1e7a3c96',
	},
	/** the referral's "Name of referrer" answer */
	alanReferrer: 'Ivan Interviewer',
	requisitions: { backendEngineer: '8a1f3c5e-7b2d-4e9a-b6c4-0d3f1e8a5b72' },
	requisitionCodes: { backendEngineer: 'ENG-101' },
	requisitionFields: { costCenter: 'cost_center', recStartDate: 'rec_start_date' },
	/** The signed offer's values, for onboarding assertions. */
	alanOffer: {
		anticipatedStartDate: Date.UTC(2026, 2, 2),
		salaryAmount: 185000,
		compensationCurrency: 'USD',
		salaryInterval: 'per-year-salary',
		jobTitle: 'Senior Backend Engineer',
		customEquity: '0.05%',
		customEmploymentType: 'Full-time employee',
	},
	tags: ['Referral bonus', 'Silver medalist', 'Python'],
	sources: ['LinkedIn', 'Referral', 'Careers page', 'Agency'],
} as const;

export type LeverSeed = typeof LEVER_SEED;

const S = LEVER_SEED;
const POSTING_URL = 'https://jobs.lever.co/acme';

function posting(
	id: string,
	text: string,
	state: LeverPosting['state'],
	categories: { team: string; department: string; location: string; commitment: string },
	extra: Partial<LeverPosting> = {},
): LeverPosting {
	return {
		id,
		text,
		createdAt: at(-60),
		updatedAt: at(-30),
		user: S.users.recruiter,
		owner: S.users.recruiter,
		hiringManager: S.users.hiringManager,
		confidentiality: 'non-confidential',
		categories: { ...categories, allLocations: [categories.location] },
		tags: [],
		content: {
			description: `We are hiring a ${text}.`,
			descriptionHtml: `<div>We are hiring a ${text}.</div>`,
			lists: [{ text: 'Requirements', content: '<li>Curiosity</li>' }],
			closing: 'Acme is an equal opportunity employer.',
			closingHtml: '<div>Acme is an equal opportunity employer.</div>',
		},
		country: 'US',
		followers: [S.users.hiringManager],
		state,
		distributionChannels:
			state === 'published' ? ['public', 'internal'] : state === 'internal' ? ['internal'] : [],
		reqCode: null,
		requisitionCodes: [],
		salaryDescription: '',
		salaryDescriptionHtml: '',
		salaryRange: null,
		urls: { list: POSTING_URL, show: `${POSTING_URL}/${id}`, apply: `${POSTING_URL}/${id}/apply` },
		workplaceType: 'hybrid',
		...extra,
	};
}

/** Tags Lever adds to an opportunity created on a posting: title, department, team, location, commitment. */
export function postingDerivedTags(p: LeverPosting): string[] {
	return [
		p.text,
		p.categories.department,
		p.categories.team,
		p.categories.location,
		p.categories.commitment,
	].filter((tag) => tag !== '');
}

const SCORE_SYSTEM_OPTIONS = [
	'4 - Strong Hire',
	'3 - Hire',
	'2 - No Hire',
	'1 - Strong No Hire',
].map((text) => ({ text }));

function feedbackTemplate(): LeverFeedbackTemplate {
	const f = S.feedbackTemplateFields;
	const fields: TemplateField[] = [
		{
			id: f.rating,
			type: 'score-system',
			text: 'Overall rating',
			description: '',
			required: true,
			prompt: 'Select one',
			options: SCORE_SYSTEM_OPTIONS,
		},
		{
			id: f.scorecard,
			type: 'scorecard',
			text: 'Skills',
			description: '',
			required: false,
			scores: [
				{ text: 'System design', description: 'Can they design for failure?' },
				{ text: 'Communication', description: 'Do they explain trade-offs clearly?' },
			],
		},
		{ id: f.comments, type: 'textarea', text: 'Comments', description: '', required: false },
		{
			id: f.wouldWorkWith,
			type: 'yes-no',
			text: 'Would you like to work with this person?',
			description: '',
			required: false,
		},
		{
			id: f.seniority,
			type: 'dropdown',
			text: 'Seniority',
			description: '',
			required: false,
			prompt: 'Select one',
			options: [{ text: 'Junior' }, { text: 'Mid' }, { text: 'Senior' }, { text: 'Staff' }],
		},
		{
			id: f.technicalScore,
			type: 'score',
			text: 'Technical depth',
			description: '1 (weak) to 4 (strong)',
			required: false,
		},
	];
	return {
		id: S.feedbackTemplate,
		text: 'Phone screen scorecard',
		instructions: 'Ask about a system they designed end to end.',
		group: { id: '0b9f7a52-4d1e-4c2b-9a3f-6e8d1c7b5a20', name: 'Phone Screens' },
		stage: null,
		createdAt: at(-90),
		updatedAt: at(-90),
		fields,
	};
}

/** "Onboarding details": the profile form template the recruiter fills in after a signed offer. */
function onboardingFormTemplate(): LeverFormTemplate {
	const ff = S.formFields;
	return {
		id: S.formTemplate,
		text: 'Onboarding details',
		instructions: 'Filled in by the recruiter after the offer is signed.',
		secretByDefault: false,
		fields: [
			{
				id: ff.preferredName,
				type: 'text',
				text: 'Preferred first name',
				description: '',
				required: false,
			},
			{
				id: ff.startDate,
				type: 'date',
				text: 'Confirmed start date',
				description: '',
				required: true,
			},
			{
				id: ff.laptop,
				type: 'dropdown',
				text: 'Laptop',
				description: '',
				required: false,
				options: [{ text: 'MacBook Pro' }, { text: 'ThinkPad' }],
			},
			{
				id: ff.signingBonus,
				type: 'currency',
				text: 'Signing bonus',
				description: '',
				required: false,
				currency: 'USD',
			},
			{
				id: ff.tShirtSize,
				type: 'dropdown',
				text: 'T-shirt size',
				description: 'For the welcome pack',
				required: false,
				options: ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((text) => ({ text })),
			},
			{
				id: ff.startLocation,
				type: 'text',
				text: 'Start location',
				description: 'Office where the new hire starts',
				required: false,
			},
		],
		createdAt: at(-120),
		updatedAt: at(-120),
	};
}

export function createSeedState(): LeverState {
	const u = S.users;
	const users = [
		{ key: 'admin', name: 'Morgan Admin', role: 'super admin', title: 'Head of Talent' },
		{ key: 'recruiter', name: 'Riley Recruiter', role: 'admin', title: 'Technical Recruiter' },
		{ key: 'interviewer', name: 'Ivan Interviewer', role: 'interviewer', title: 'Staff Engineer' },
		{
			key: 'hiringManager',
			name: 'Hana Manager',
			role: 'team member',
			title: 'Engineering Manager',
		},
		{ key: 'deactivated', name: 'Dana Former', role: 'team member', title: 'Recruiter' },
	] as const;

	const postings = [
		posting(
			S.postings.published,
			'Senior Backend Engineer',
			'published',
			{
				team: 'Platform',
				department: 'Engineering',
				location: 'Berlin',
				commitment: 'Full-time',
			},
			{
				tags: ['Backend'],
				salaryRange: { min: 150000, max: 200000, currency: 'USD', interval: 'per-year-salary' },
			},
		),
		posting(
			S.postings.internal,
			'Staff Data Engineer',
			'internal',
			{
				team: 'Data',
				department: 'Engineering',
				location: 'Remote',
				commitment: 'Full-time',
			},
			{ workplaceType: 'remote' },
		),
		posting(
			S.postings.closed,
			'Office Manager',
			'closed',
			{
				team: 'Workplace',
				department: 'Operations',
				location: 'London',
				commitment: 'Part-time',
			},
			{ workplaceType: 'onsite' },
		),
		posting(S.postings.draft, 'Product Designer', 'draft', {
			team: 'Design',
			department: 'Product',
			location: 'Berlin',
			commitment: 'Full-time',
		}),
		posting(S.postings.pending, 'Account Executive', 'pending', {
			team: 'Sales',
			department: 'Revenue',
			location: 'New York, NY',
			commitment: 'Full-time',
		}),
		posting(
			S.postings.confidential,
			'VP Engineering',
			'published',
			{
				team: 'Leadership',
				department: 'Engineering',
				location: 'Berlin',
				commitment: 'Full-time',
			},
			{ confidentiality: 'confidential', distributionChannels: ['internal'] },
		),
	];
	const postingById = (id: string) => postings.find((p) => p.id === id)!;

	const template = feedbackTemplate();
	const fv = S.feedbackTemplateFields;
	const feedbackValues: Record<string, unknown> = {
		[fv.rating]: '3 - Hire',
		[fv.scorecard]: [
			{ score: 3, comment: 'Solid design' },
			{ score: 4, comment: 'Very clear' },
		],
		[fv.comments]: 'Good depth on queues and idempotency.',
		[fv.wouldWorkWith]: 'yes',
		[fv.seniority]: 'Senior',
		[fv.technicalScore]: 3,
	};

	const ff = S.formFields;
	const formTemplate = onboardingFormTemplate();
	const formValues: Record<string, unknown> = {
		[ff.preferredName]: S.alanForm.preferredName,
		[ff.startDate]: S.alanOffer.anticipatedStartDate,
		[ff.laptop]: 'ThinkPad',
		[ff.signingBonus]: 5000,
		[ff.tShirtSize]: S.alanForm.tShirtSize,
		[ff.startLocation]: S.alanForm.startLocation,
	};
	const offerFields = [
		{ text: 'Job posting', identifier: 'job_posting', value: S.postings.published },
		{ text: 'Job title', identifier: 'job_title', value: S.alanOffer.jobTitle },
		{ text: 'Candidate name', identifier: 'candidate_name', value: 'Alan Turing' },
		{ text: 'Salary', identifier: 'salary_amount', value: S.alanOffer.salaryAmount },
		{
			text: 'Compensation currency',
			identifier: 'compensation_currency',
			value: S.alanOffer.compensationCurrency,
		},
		{ text: 'Salary interval', identifier: 'salary_interval', value: S.alanOffer.salaryInterval },
		{ text: 'Hiring manager', identifier: 'hiring_manager', value: u.hiringManager },
		{ text: 'Direct manager', identifier: 'direct_manager', value: u.hiringManager },
		{ text: "Today's date", identifier: 'today_date', value: at(40) },
		{
			text: 'Anticipated start date',
			identifier: 'anticipated_start_date',
			value: S.alanOffer.anticipatedStartDate,
		},
		{ text: 'Equity', identifier: 'custom_equity', value: S.alanOffer.customEquity },
		{
			text: 'Employment type',
			identifier: 'custom_employment_type',
			value: S.alanOffer.customEmploymentType,
		},
	];

	const resumeBytes = Buffer.from('%PDF-1.4\n% Ada Lovelace resume (simulator)\n');
	const portfolioBytes = Buffer.from('%PDF-1.4\n% Ada portfolio (simulator)\n');

	return {
		users: users.map((entry, index) => ({
			id: u[entry.key],
			name: entry.name,
			username: S.userEmails[entry.key].split('@')[0],
			email: S.userEmails[entry.key],
			createdAt: at(-400 + index),
			deactivatedAt: entry.key === 'deactivated' ? at(-10) : null,
			accessRole: entry.role,
			photo: null,
			externalDirectoryId: null,
			linkedContactIds: null,
			jobTitle: entry.title,
			managerId: entry.key === 'interviewer' ? u.hiringManager : null,
		})),
		stages: [
			{ id: S.stages.leadNew, text: 'New lead' },
			{ id: S.stages.leadReachedOut, text: 'Reached out' },
			{ id: S.stages.leadResponded, text: 'Responded' },
			{ id: S.stages.applicantNew, text: 'New applicant' },
			{ id: S.stages.recruiterScreen, text: 'Recruiter screen' },
			{ id: S.stages.phoneInterview, text: 'Phone interview' },
			{ id: S.stages.onsite, text: 'On-site interview' },
			{ id: S.stages.offer, text: 'Offer' },
		],
		archiveReasons: [
			{ id: S.archiveReasons.hired, text: 'Hired', status: 'active', type: 'hired' },
			{ id: S.archiveReasons.withdrew, text: 'Withdrew', status: 'active', type: 'non-hired' },
			{
				id: S.archiveReasons.underqualified,
				text: 'Underqualified',
				status: 'active',
				type: 'non-hired',
			},
			{ id: S.archiveReasons.timing, text: 'Timing', status: 'active', type: 'non-hired' },
			{
				id: S.archiveReasons.offerDeclined,
				text: 'Offer declined',
				status: 'active',
				type: 'non-hired',
			},
			{
				id: S.archiveReasons.positionFilled,
				text: 'Position filled',
				status: 'active',
				type: 'non-hired',
			},
			// Many accounts add one for duplicate profiles; the upsert archives a duplicate created in a race with it.
			{ id: S.archiveReasons.duplicate, text: 'Duplicate', status: 'active', type: 'non-hired' },
			{
				id: S.archiveReasons.inactiveHired,
				text: 'Hired (legacy)',
				status: 'inactive',
				type: 'hired',
			},
		],
		postings,
		contacts: [
			{
				id: S.contacts.ada,
				name: 'Ada Lovelace',
				headline: 'Analytical Engines, Inc.',
				location: 'London',
				emails: [S.contactEmails.ada, 'ada@analytical.example'],
				phones: [{ type: 'mobile', value: '+44 20 7946 0001' }],
				links: ['https://github.com/ada-sim'],
				isAnonymized: false,
				createdAt: at(1),
			},
			{
				id: S.contacts.grace,
				name: 'Grace Hopper',
				headline: 'Compilers',
				location: 'Arlington, VA',
				emails: [S.contactEmails.grace],
				phones: [],
				links: [],
				isAnonymized: false,
				createdAt: at(2),
			},
			{
				id: S.contacts.alan,
				name: 'Alan Turing',
				headline: 'Bletchley Park',
				location: 'Manchester',
				emails: [S.contactEmails.alan],
				phones: [{ type: 'home', value: '+44 161 496 0002' }],
				links: [],
				isAnonymized: false,
				createdAt: at(3),
			},
			{
				id: S.contacts.katherine,
				name: 'Katherine Johnson',
				headline: 'Orbital mechanics',
				location: 'Hampton, VA',
				emails: [S.contactEmails.katherine],
				phones: [],
				links: [],
				isAnonymized: false,
				createdAt: at(4),
			},
		],
		opportunities: [
			{
				id: S.opportunities.adaBackend,
				contact: S.contacts.ada,
				stage: S.stages.phoneInterview,
				confidentiality: 'non-confidential',
				origin: 'sourced',
				sourcedBy: u.recruiter,
				owner: u.recruiter,
				followers: [u.recruiter, u.hiringManager],
				tags: ['Python', ...postingDerivedTags(postingById(S.postings.published))],
				sources: ['LinkedIn'],
				applications: [S.applications.adaBackend],
				archived: null,
				stageChanges: [
					{ toStageId: S.stages.leadNew, toStageIndex: 0, updatedAt: at(1), userId: u.recruiter },
					{
						toStageId: S.stages.phoneInterview,
						toStageIndex: 5,
						updatedAt: at(8),
						userId: u.recruiter,
					},
				],
				createdAt: at(1),
				updatedAt: at(12),
				lastInteractionAt: at(12),
				lastAdvancedAt: at(8),
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: 'Berlin',
			},
			{
				id: S.opportunities.adaData,
				contact: S.contacts.ada,
				stage: S.stages.leadReachedOut,
				confidentiality: 'non-confidential',
				origin: 'sourced',
				sourcedBy: u.recruiter,
				owner: u.recruiter,
				followers: [u.recruiter],
				tags: postingDerivedTags(postingById(S.postings.internal)),
				sources: ['LinkedIn'],
				applications: [S.applications.adaData],
				archived: null,
				stageChanges: [
					{ toStageId: S.stages.leadNew, toStageIndex: 0, updatedAt: at(5), userId: u.recruiter },
					{
						toStageId: S.stages.leadReachedOut,
						toStageIndex: 1,
						updatedAt: at(6),
						userId: u.recruiter,
					},
				],
				createdAt: at(5),
				updatedAt: at(6),
				lastInteractionAt: at(6),
				lastAdvancedAt: at(6),
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: 'Remote',
			},
			{
				id: S.opportunities.graceArchived,
				contact: S.contacts.grace,
				stage: S.stages.recruiterScreen,
				confidentiality: 'non-confidential',
				origin: 'applied',
				sourcedBy: null,
				owner: u.recruiter,
				followers: [u.recruiter],
				tags: postingDerivedTags(postingById(S.postings.closed)),
				sources: ['Careers page'],
				applications: [S.applications.graceArchived],
				archived: { reason: S.archiveReasons.withdrew, archivedAt: at(9) },
				stageChanges: [
					{ toStageId: S.stages.applicantNew, toStageIndex: 3, updatedAt: at(2), userId: null },
					{
						toStageId: S.stages.recruiterScreen,
						toStageIndex: 4,
						updatedAt: at(4),
						userId: u.recruiter,
					},
				],
				createdAt: at(2),
				// a legacy record that was never updated: Lever returns updatedAt null for those
				updatedAt: null,
				lastInteractionAt: at(9),
				lastAdvancedAt: at(4),
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: 'London',
			},
			{
				id: S.opportunities.alanHired,
				contact: S.contacts.alan,
				stage: S.stages.offer,
				confidentiality: 'non-confidential',
				origin: 'referred',
				sourcedBy: null,
				owner: u.recruiter,
				followers: [u.recruiter, u.hiringManager],
				tags: ['Referral bonus', ...postingDerivedTags(postingById(S.postings.published))],
				sources: ['Referral'],
				applications: [S.applications.alanHired],
				archived: { reason: S.archiveReasons.hired, archivedAt: at(45) },
				stageChanges: [
					{
						toStageId: S.stages.applicantNew,
						toStageIndex: 3,
						updatedAt: at(3),
						userId: u.recruiter,
					},
					{ toStageId: S.stages.onsite, toStageIndex: 6, updatedAt: at(20), userId: u.recruiter },
					{ toStageId: S.stages.offer, toStageIndex: 7, updatedAt: at(35), userId: u.recruiter },
				],
				createdAt: at(3),
				updatedAt: at(45),
				lastInteractionAt: at(45),
				lastAdvancedAt: at(35),
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: 'Berlin',
			},
			{
				id: S.opportunities.katherineConfidential,
				contact: S.contacts.katherine,
				stage: S.stages.onsite,
				confidentiality: 'confidential',
				origin: 'sourced',
				sourcedBy: u.admin,
				owner: u.admin,
				followers: [u.admin],
				tags: postingDerivedTags(postingById(S.postings.confidential)),
				sources: ['Agency'],
				applications: [S.applications.katherineConfidential],
				archived: null,
				stageChanges: [
					{ toStageId: S.stages.leadNew, toStageIndex: 0, updatedAt: at(4), userId: u.admin },
				],
				createdAt: at(4),
				updatedAt: at(30),
				lastInteractionAt: at(30),
				lastAdvancedAt: at(25),
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: 'Berlin',
			},
		],
		applications: (
			[
				['adaBackend', S.postings.published, 'Ada Lovelace', S.contactEmails.ada, null],
				['adaData', S.postings.internal, 'Ada Lovelace', S.contactEmails.ada, null],
				[
					'graceArchived',
					S.postings.closed,
					'Grace Hopper',
					S.contactEmails.grace,
					{ reason: S.archiveReasons.withdrew, archivedAt: at(9) },
				],
				[
					'alanHired',
					S.postings.published,
					'Alan Turing',
					S.contactEmails.alan,
					{ reason: S.archiveReasons.hired, archivedAt: at(45) },
				],
				[
					'katherineConfidential',
					S.postings.confidential,
					'Katherine Johnson',
					S.contactEmails.katherine,
					null,
				],
			] as const
		).map(([key, postingId, name, email, archived]) => {
			const p = postingById(postingId);
			return {
				id: S.applications[key],
				opportunityId: S.opportunities[key],
				candidateId: S.opportunities[key],
				createdAt: at(1),
				type: 'posting' as const,
				posting: postingId,
				postingOwner: p.owner,
				postingHiringManager: p.hiringManager,
				user: u.recruiter,
				name,
				email,
				phone: null,
				company: null,
				links: [],
				comments: null,
				customQuestions: [],
				archived: archived ? { ...archived } : null,
				requisitionForHire: null,
			};
		}),
		notes: [
			{
				id: S.notes.adaIntro,
				opportunityId: S.opportunities.adaBackend,
				text: 'Note',
				fields: [
					{
						type: 'note',
						text: 'Comment',
						value: 'Strong async messaging background; open to Berlin.',
						createdAt: at(7),
						user: u.recruiter,
						score: null,
						stage: S.stages.recruiterScreen,
					},
				],
				user: u.recruiter,
				secret: false,
				createdAt: at(7),
				completedAt: at(7),
				deletedAt: null,
				createdViaApi: false,
			},
		],
		files: [
			{
				id: S.files.adaPortfolio,
				opportunityId: S.opportunities.adaBackend,
				user: u.recruiter,
				name: 'portfolio.pdf',
				ext: '.pdf',
				size: portfolioBytes.length,
				uploadedAt: at(7),
				status: 'processed',
				contentType: 'application/pdf',
				content: portfolioBytes,
			},
			{
				id: S.files.adaBroken,
				opportunityId: S.opportunities.adaBackend,
				user: u.recruiter,
				name: 'scan.pdf',
				ext: '.pdf',
				size: 12,
				uploadedAt: at(7, 5),
				status: 'error',
				contentType: 'application/pdf',
				content: Buffer.from('not-a-pdf!!!'),
			},
		],
		resumes: [
			{
				id: S.resumes.adaBackend,
				opportunityId: S.opportunities.adaBackend,
				createdAt: at(1),
				file: {
					name: 'ada-lovelace-cv.pdf',
					ext: '.pdf',
					size: resumeBytes.length,
					uploadedAt: at(1),
					status: 'processed',
					contentType: 'application/pdf',
					content: resumeBytes,
				},
				parsedData: {
					positions: [
						{
							org: 'Analytical Engines, Inc.',
							title: 'Engineer',
							summary: 'Notes on the engine',
							location: 'London',
							start: { year: 2019, month: 3 },
							end: null,
						},
					],
					schools: [
						{
							org: 'University of London',
							degree: 'BSc',
							field: 'Mathematics',
							summary: '',
							start: { year: 2012 },
							end: { year: 2015 },
						},
					],
				},
			},
		],
		feedbackTemplates: [template],
		feedback: [
			{
				id: S.feedback.adaPhoneScreen,
				opportunityId: S.opportunities.adaBackend,
				type: 'interview',
				text: template.text,
				instructions: template.instructions,
				baseTemplateId: template.id,
				fields: template.fields.map((field) => ({
					...field,
					value: feedbackValues[field.id] ?? null,
				})),
				user: u.interviewer,
				panel: S.panels.adaPhoneScreen,
				interview: S.interviews.adaPhoneScreen,
				createdAt: at(11),
				updatedAt: at(11),
				completedAt: at(11),
				deletedAt: null,
			},
		],
		interviews: [
			{
				id: S.interviews.adaPhoneScreen,
				opportunityId: S.opportunities.adaBackend,
				panel: S.panels.adaPhoneScreen,
				subject: 'Phone screen: Ada Lovelace',
				note: 'Dial-in in the invite',
				interviewers: [
					{
						id: u.interviewer,
						name: 'Ivan Interviewer',
						email: S.userEmails.interviewer,
						feedbackTemplate: template.id,
					},
				],
				timezone: 'Europe/Berlin',
				createdAt: at(8),
				date: at(10),
				duration: 45,
				location: 'Phone',
				feedbackTemplate: template.id,
				feedbackForms: [S.feedback.adaPhoneScreen],
				feedbackReminder: 'daily',
				user: u.recruiter,
				stage: S.stages.phoneInterview,
				canceledAt: null,
				postings: [S.postings.published],
				gcalEventUrl: null,
			},
		],
		offers: [
			{
				id: S.offers.alanDenied,
				opportunityId: S.opportunities.alanHired,
				createdAt: at(36),
				status: 'denied',
				creator: u.recruiter,
				fields: offerFields.map((field) =>
					field.identifier === 'salary_amount' ? { ...field, value: 160000 } : { ...field },
				),
				signatures: {},
				sentDocument: null,
				signedDocument: null,
				approvedAt: null,
				sentAt: null,
			},
			{
				id: S.offers.alanSigned,
				opportunityId: S.opportunities.alanHired,
				createdAt: at(40),
				status: 'signed',
				creator: u.recruiter,
				fields: offerFields.map((field) => ({ ...field })),
				signatures: {
					candidate: {
						role: 'candidate',
						name: 'Alan Turing',
						email: S.contactEmails.alan,
						signed: true,
						signedAt: at(43),
						firstOpenedAt: at(42),
						lastOpenedAt: at(43),
					},
				},
				sentDocument: { fileName: 'offer-alan-turing.pdf', uploadedAt: at(41), downloadUrl: '' },
				signedDocument: {
					fileName: 'offer-alan-turing-signed.pdf',
					uploadedAt: at(43),
					downloadUrl: '',
				},
				approvedAt: at(40, 30),
				sentAt: at(41),
			},
		],
		panels: [
			{
				// Scheduled in Lever's UI: the API may read it, not change it.
				id: S.panels.adaPhoneScreen,
				opportunityId: S.opportunities.adaBackend,
				applications: [S.applications.adaBackend],
				canceledAt: null,
				createdAt: at(8),
				externallyManaged: false,
				externalUrl: null,
				feedbackReminder: 'daily',
				note: null,
				stage: S.stages.phoneInterview,
				timezone: 'Europe/Berlin',
				user: u.recruiter,
			},
		],
		forms: [
			{
				id: S.forms.alanOnboarding,
				opportunityId: S.opportunities.alanHired,
				type: 'form',
				text: formTemplate.text,
				instructions: formTemplate.instructions,
				baseTemplateId: S.formTemplate,
				fields: formTemplate.fields.map((field) => ({
					...field,
					value: formValues[field.id] ?? null,
				})),
				user: u.recruiter,
				stage: S.stages.offer,
				secret: false,
				createdAt: at(44),
				completedAt: at(44),
				deletedAt: null,
			},
		],
		formTemplates: [formTemplate],
		referrals: [
			{
				id: S.referrals.alan,
				opportunityId: S.opportunities.alanHired,
				type: 'referral',
				text: 'Employee referral',
				instructions: 'Ask how they know the candidate.',
				baseTemplateId: S.referralTemplate,
				fields: [
					{
						id: S.referralFields.referrerName,
						type: 'text',
						text: 'Name of referrer',
						description: '',
						required: true,
						value: S.alanReferrer,
					},
					{
						id: S.referralFields.relationship,
						type: 'dropdown',
						text: 'Relationship',
						description: '',
						required: false,
						options: [{ text: 'Former colleague' }, { text: 'Friend' }, { text: 'Other' }],
						value: 'Former colleague',
					},
				],
				user: u.interviewer,
				referrer: u.interviewer,
				stage: S.stages.applicantNew,
				createdAt: at(3),
				completedAt: at(3),
			},
		],
		requisitions: [
			{
				id: S.requisitions.backendEngineer,
				requisitionCode: S.requisitionCodes.backendEngineer,
				name: 'Senior Backend Engineer, Platform',
				backfill: false,
				confidentiality: 'non-confidential',
				createdAt: at(-70),
				creator: u.recruiter,
				headcountHired: 1,
				headcountInfinite: false,
				headcountTotal: 2,
				hiringManager: u.hiringManager,
				owner: u.recruiter,
				status: 'open',
				employmentStatus: 'full-time',
				location: 'Berlin',
				internalNotes: '',
				team: 'Platform',
				department: 'Engineering',
				offerIds: [S.offers.alanSigned],
				postings: [S.postings.published],
				compensationBand: {
					currency: 'USD',
					interval: 'per-year-salary',
					min: 150000,
					max: 200000,
				},
				customFields: {
					[S.requisitionFields.costCenter]: 'R&D',
					[S.requisitionFields.recStartDate]: at(-65),
				},
				closedAt: null,
				timeToFillStartAt: at(-65),
				timeToFillEndAt: null,
				updatedAt: at(45),
			},
		],
		requisitionFields: [
			{
				id: S.requisitionFields.costCenter,
				text: 'Cost center',
				type: 'dropdown',
				isRequired: false,
				options: [
					{ id: '4e1c7a9b-3f2d-4b8e-a6c1-9d0e5f7b2a34', text: 'R&D' },
					{ id: '7b3d9f1e-5a2c-4d6b-8e0f-1c4a7e9b3d52', text: 'G&A' },
				],
			},
			{
				id: S.requisitionFields.recStartDate,
				text: 'Recruiting Start Date',
				type: 'date',
				isRequired: false,
			},
		],
		tags: [...S.tags, ...new Set(postings.flatMap(postingDerivedTags))],
		sources: [...S.sources],
		webhooks: [],
		deliveries: [],
	};
}

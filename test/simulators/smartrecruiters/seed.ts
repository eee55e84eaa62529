/**
 * Seed data of the SmartRecruiters simulator: a small tenant with jobs in every status, two hiring processes,
 * sources (incl. custom "SourceWhale" / "Outreach" values), candidate properties of every type and four candidates.
 * `SMARTRECRUITERS_SEED` holds the ids tests refer to; `buildSeedState()` returns a fresh deep copy of the records.
 * Ids use the real formats: UUIDs for candidates/jobs/applications…, 24-hex for users (`UserId` in the spec).
 */
import type { SmartRecruitersState, SrApplication, SrCandidate, SrJob, SrUser } from './types';

const u = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SMARTRECRUITERS_SEED = {
	/** 32-character X-SmartToken of the admin user (`users.admin`). */
	apiKey: 'srSimApiKey000000000000000000001',
	/** X-SmartToken of `users.interviewer` (EMPLOYEE role): reads only, writes answer 403 PERMISSION_DENIED. */
	restrictedApiKey: 'srSimRestrictedKey00000000000001',
	oauthClient: { clientId: 'sr-sim-client', clientSecret: 'sr-sim-client-secret-0001' },
	users: {
		admin: '5e0000000000000000000001',
		recruiter: '5e0000000000000000000002',
		hiringManager: '5e0000000000000000000003',
		interviewer: '5e0000000000000000000004',
	},
	departments: {
		engineering: u('de000000', 1),
		design: u('de000000', 2),
		sales: u('de000000', 3),
		operations: u('de000000', 4),
	},
	hiringProcesses: { standard: u('4b000000', 1), engineering: u('4b000000', 2) },
	jobs: {
		/** SOURCING / PUBLIC, engineering hiring process (INTERVIEW needs a sub-status) */
		backendEngineer: u('0b000000', 1),
		/** SOURCING / INTERNAL */
		productDesigner: u('0b000000', 2),
		/** FILLED / NOT_PUBLISHED */
		dataAnalyst: u('0b000000', 3),
		/** CANCELLED / NOT_PUBLISHED */
		officeManager: u('0b000000', 4),
		/** ON_HOLD / PRIVATE */
		salesLead: u('0b000000', 5),
		/** CREATED / NOT_PUBLISHED */
		marketingIntern: u('0b000000', 6),
	},
	sources: {
		types: {
			api: 'API',
			jobBoards: 'JOB_BOARDS',
			sourcingTools: 'SOURCING_TOOLS',
			custom: 'CUSTOM',
		},
		subTypes: {
			api: 'API',
			jobBoardsGeneral: 'GENERAL',
			outreach: 'OUTREACH',
			sourcingTool: 'SOURCING_TOOL',
			custom: 'CUSTOM',
		},
		values: {
			api: u('50000000', 1),
			linkedIn: u('50000000', 2),
			indeed: u('50000000', 3),
			/** SOURCING_TOOLS / OUTREACH (that type has two subtypes → SUBTYPE_REQUIRED when omitted) */
			sourceWhaleTool: u('50000000', 4),
			hireEz: u('50000000', 5),
			/** CUSTOM / CUSTOM */
			sourceWhale: u('50000000', 6),
			outreach: u('50000000', 7),
		},
	},
	properties: {
		startDate: u('9e000000', 1),
		salary: u('9e000000', 2),
		employmentType: u('9e000000', 3),
		outreachSequence: u('9e000000', 4),
		countryOfResidence: u('9e000000', 5),
		workRegion: u('9e000000', 6),
		willingToRelocate: u('9e000000', 7),
		yearsOfExperience: u('9e000000', 8),
		remotePercentage: u('9e000000', 9),
		referrer: u('9e000000', 10),
		employeeId: u('9e000000', 11),
		costCenter: u('9e000000', 12),
	},
	propertyValues: {
		fullTime: u('9f000000', 1),
		partTime: u('9f000000', 2),
		contractor: u('9f000000', 3),
	},
	jobProperties: { costCenter: u('7c000000', 1), brand: u('7c000000', 2) },
	jobPropertyValues: {
		cc100: 'CC-100',
		cc200: 'CC-200',
		cc300: 'CC-300',
		acme: 'acme',
		acmeLabs: 'acme-labs',
	},
	positions: {
		backendNew: u('90000000', 1),
		backendReplacement: u('90000000', 2),
		dataAnalystFilled: u('90000000', 3),
	},
	offerDocuments: { johnOfferLetter: u('0d000000', 1), johnCertificate: u('0d000000', 2) },
	rejectionReasons: {
		notQualified: u('4a000000', 1),
		positionFilled: u('4a000000', 2),
		noShow: u('4a000000', 3),
	},
	withdrawalReasons: { acceptedOtherOffer: u('3d000000', 1), salary: u('3d000000', 2) },
	candidates: {
		/** INTERVIEW on backendEngineer, with a review and an interview */
		jane: u('ca000000', 1),
		/** HIRED on dataAnalyst, with an accepted offer (start date, salary) */
		john: u('ca000000', 2),
		/** NEW on productDesigner (source SourceWhale) + LEAD on backendEngineer */
		maria: u('ca000000', 3),
		/** Talent pool only: no job application */
		tom: u('ca000000', 4),
	},
	emails: {
		jane: 'jane.doe@example.com',
		john: 'john.smith@example.com',
		maria: 'maria.garcia@example.org',
		tom: 'tom.pool@example.net',
	},
	applications: {
		janeBackendEngineer: u('a0000000', 1),
		johnDataAnalyst: u('a0000000', 2),
		mariaProductDesigner: u('a0000000', 3),
		mariaBackendEngineer: u('a0000000', 4),
	},
	offers: { johnDataAnalyst: u('0f000000', 1) },
	reviews: { janeBackendEngineer: u('4e000000', 1) },
	interviews: { janeBackendEngineer: u('1e000000', 1) },
	timeslots: { janeOnsite: u('15000000', 1) },
} as const;

export type SmartRecruitersSeed = typeof SMARTRECRUITERS_SEED;

const S = SMARTRECRUITERS_SEED;
const T0 = '2026-09-01T09:00:00.000Z';

function user(
	id: string,
	firstName: string,
	lastName: string,
	role: SrUser['role'],
	systemRole: string,
): SrUser {
	return {
		id,
		email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@acme.example`,
		firstName,
		lastName,
		role,
		systemRole: { id: systemRole.toUpperCase(), name: systemRole },
		language: { code: 'en' },
		active: true,
		updatedOn: T0,
	};
}

function job(
	id: string,
	title: string,
	ref: string,
	department: { id: string; label: string },
	city: string,
	countryCode: string,
	status: SrJob['status'],
	postingStatus: SrJob['postingStatus'],
	hiringProcessId: string,
	createdOn: string,
): SrJob {
	return {
		id,
		title,
		refNumber: ref,
		createdOn,
		updatedOn: createdOn,
		lastActivityOn: createdOn,
		department,
		location: {
			city,
			countryCode,
			country:
				countryCode === 'de'
					? 'Germany'
					: countryCode === 'gb'
						? 'United Kingdom'
						: 'United States',
			remote: false,
		},
		status,
		postingStatus,
		language: { code: 'en', label: 'English', labelNative: 'English (US)' },
		industry: { id: 'computer_software', label: 'Computer Software' },
		function: {
			id: department.label === 'Engineering' ? 'engineering' : 'other',
			label: department.label,
		},
		typeOfEmployment: { id: 'permanent', label: 'Full-time' },
		experienceLevel: { id: 'mid_senior_level', label: 'Mid-Senior Level' },
		creatorId: S.users.recruiter,
		compensation: { min: 60000, max: 90000, currency: 'EUR' },
		jobAdText: `${title} at Acme.`,
		properties: [],
		hiringProcessId,
		statusHistory: [
			{ changedOn: createdOn, status: 'CREATED', userId: S.users.recruiter },
			...(status === 'CREATED'
				? []
				: [
						{
							changedOn: new Date(Date.parse(createdOn) + 86_400_000).toISOString(),
							status,
							userId: S.users.recruiter,
						},
					]),
		],
		positions: [],
		publications:
			postingStatus === 'PUBLIC'
				? [
						{ sourceName: 'Career Page', type: 'INTERNAL', publishedOn: createdOn },
						{ sourceName: 'Indeed', type: 'AGGREGATOR', publishedOn: createdOn },
					]
				: postingStatus === 'INTERNAL'
					? [{ sourceName: 'Internal Career Page', type: 'INTERNAL', publishedOn: createdOn }]
					: [],
	};
}

/** The bytes of a one-page PDF with `text` on it (a real PDF: readers open it, its content type is application/pdf). */
export function pdfDocument(text: string): Buffer {
	const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let body = '%PDF-1.4\n';
	const offsets = objects.map((object, index) => {
		const offset = body.length;
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
		return offset;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

function candidate(
	id: string,
	firstName: string,
	lastName: string,
	email: string,
	createdOn: string,
	extra: Partial<SrCandidate> = {},
): SrCandidate {
	return {
		id,
		firstName,
		lastName,
		email,
		tags: [],
		internal: false,
		education: [],
		experience: [],
		consentStatus: 'ACQUIRED',
		consentDate: createdOn,
		consentDecisions: [{ status: 'acquired', scope: 'Single', decidedOn: createdOn }],
		createdOn,
		updatedOn: createdOn,
		...extra,
	};
}

function application(
	id: string,
	candidateId: string,
	jobId: string,
	history: Array<[string, SrApplication['status'], string?]>,
	source: SrApplication['source'],
	extra: Partial<SrApplication> = {},
): SrApplication {
	const last = history[history.length - 1];
	return {
		id,
		candidateId,
		jobId,
		status: last[1],
		subStatus: last[2],
		source,
		properties: {},
		attachments: [],
		screeningAnswers: [],
		statusHistory: history.map(([changedOn, status, subStatus]) => ({
			changedOn,
			status,
			...(subStatus ? { subStatus } : {}),
		})),
		createdOn: history[0][0],
		...extra,
	};
}

export function buildSeedState(): SmartRecruitersState {
	const departments = {
		engineering: { id: S.departments.engineering, label: 'Engineering' },
		design: { id: S.departments.design, label: 'Design' },
		sales: { id: S.departments.sales, label: 'Sales' },
		operations: { id: S.departments.operations, label: 'Operations' },
	};
	const apiSource = {
		sourceTypeId: S.sources.types.api,
		sourceSubTypeId: S.sources.subTypes.api,
		sourceId: S.sources.values.api,
	};
	const jobs = [
		job(
			S.jobs.backendEngineer,
			'Senior Backend Engineer',
			'ENG-101',
			departments.engineering,
			'Berlin',
			'de',
			'SOURCING',
			'PUBLIC',
			S.hiringProcesses.engineering,
			'2026-08-01T08:00:00.000Z',
		),
		job(
			S.jobs.productDesigner,
			'Product Designer',
			'DES-201',
			departments.design,
			'London',
			'gb',
			'SOURCING',
			'INTERNAL',
			S.hiringProcesses.standard,
			'2026-08-02T08:00:00.000Z',
		),
		job(
			S.jobs.dataAnalyst,
			'Data Analyst',
			'ENG-102',
			departments.engineering,
			'Berlin',
			'de',
			'FILLED',
			'NOT_PUBLISHED',
			S.hiringProcesses.standard,
			'2026-06-01T08:00:00.000Z',
		),
		job(
			S.jobs.officeManager,
			'Office Manager',
			'OPS-301',
			departments.operations,
			'New York',
			'us',
			'CANCELLED',
			'NOT_PUBLISHED',
			S.hiringProcesses.standard,
			'2026-05-01T08:00:00.000Z',
		),
		job(
			S.jobs.salesLead,
			'Sales Lead',
			'SAL-401',
			departments.sales,
			'New York',
			'us',
			'ON_HOLD',
			'PRIVATE',
			S.hiringProcesses.standard,
			'2026-07-01T08:00:00.000Z',
		),
		job(
			S.jobs.marketingIntern,
			'Marketing Intern',
			'MKT-501',
			departments.sales,
			'London',
			'gb',
			'CREATED',
			'NOT_PUBLISHED',
			S.hiringProcesses.standard,
			'2026-09-01T08:00:00.000Z',
		),
	];
	const [backendEngineer, , dataAnalyst] = jobs;
	backendEngineer.positions = [
		{
			id: S.positions.backendNew,
			positionId: 'POS-ENG-7',
			type: 'NEW',
			positionOpenDate: '2026-08-01T00:00:00.000Z',
			targetStartDate: '2026-11-01T00:00:00.000Z',
			status: 'OPEN',
		},
		{
			id: S.positions.backendReplacement,
			type: 'REPLACEMENT',
			incumbentName: 'Sam Leaver',
			positionOpenDate: '2026-08-15T00:00:00.000Z',
			targetStartDate: '2026-12-01T00:00:00.000Z',
			status: 'OPEN',
		},
	];
	dataAnalyst.positions = [
		{
			id: S.positions.dataAnalystFilled,
			positionId: 'POS-ANA-2',
			type: 'NEW',
			positionOpenDate: '2026-06-01T00:00:00.000Z',
			targetStartDate: '2026-08-01T00:00:00.000Z',
			status: 'FILLED',
			assignedCandidateId: S.candidates.john,
		},
	];
	dataAnalyst.note = 'Filled by John Smith; keep the ad text for the next analyst role.';
	return {
		users: [
			user(S.users.admin, 'Alex', 'Admin', 'ADMINISTRATOR', 'Administrator'),
			user(S.users.recruiter, 'Rita', 'Recruiter', 'EXTENDED', 'Extended'),
			user(S.users.hiringManager, 'Hank', 'Manager', 'STANDARD', 'Standard'),
			user(S.users.interviewer, 'Ivy', 'Interviewer', 'EMPLOYEE', 'Employee'),
		],
		jobs,
		hiringTeams: {
			[S.jobs.backendEngineer]: [
				{ userId: S.users.recruiter, role: 'RECRUITER' },
				{ userId: S.users.hiringManager, role: 'HIRING_MANAGER' },
				{ userId: S.users.interviewer, role: 'INTERVIEW_TEAM' },
			],
			[S.jobs.productDesigner]: [{ userId: S.users.recruiter, role: 'RECRUITER' }],
			[S.jobs.dataAnalyst]: [
				{ userId: S.users.recruiter, role: 'RECRUITER' },
				{ userId: S.users.hiringManager, role: 'HIRING_MANAGER' },
			],
			[S.jobs.officeManager]: [{ userId: S.users.admin, role: 'RECRUITER' }],
			[S.jobs.salesLead]: [{ userId: S.users.recruiter, role: 'Sales Partner' }],
			[S.jobs.marketingIntern]: [{ userId: S.users.recruiter, role: 'RECRUITER' }],
		},
		candidates: [
			candidate(S.candidates.jane, 'Jane', 'Doe', S.emails.jane, '2026-09-02T10:00:00.000Z', {
				phoneNumber: '+49 30 1234567',
				location: { city: 'Berlin', country: 'Germany', countryCode: 'de' },
				web: { linkedin: 'https://www.linkedin.com/in/janedoe' },
				tags: ['backend', 'berlin'],
				experience: [
					{ title: 'Backend Developer', company: 'Initech', current: true, startDate: '2021-03' },
				],
			}),
			candidate(S.candidates.john, 'John', 'Smith', S.emails.john, '2026-06-05T10:00:00.000Z', {
				location: { city: 'Berlin', countryCode: 'de' },
				tags: ['analytics'],
			}),
			candidate(S.candidates.maria, 'Maria', 'Garcia', S.emails.maria, '2026-09-10T10:00:00.000Z', {
				location: { city: 'Madrid', countryCode: 'es' },
				tags: ['sourcewhale'],
			}),
			// Sourced into the talent pool: no consent asked for yet.
			candidate(S.candidates.tom, 'Tom', 'Pool', S.emails.tom, '2026-09-12T10:00:00.000Z', {
				consentStatus: 'REQUIRED',
				consentDate: undefined,
				consentDecisions: [{ status: 'required', scope: 'Single' }],
			}),
		],
		applications: [
			application(
				S.applications.janeBackendEngineer,
				S.candidates.jane,
				S.jobs.backendEngineer,
				[
					['2026-09-02T10:00:00.000Z', 'NEW'],
					['2026-09-04T10:00:00.000Z', 'IN_REVIEW', 'Hiring manager review'],
					['2026-09-08T10:00:00.000Z', 'INTERVIEW', 'Onsite interview'],
				],
				{
					sourceTypeId: S.sources.types.jobBoards,
					sourceSubTypeId: S.sources.subTypes.jobBoardsGeneral,
					sourceId: S.sources.values.linkedIn,
				},
				{
					properties: {
						[S.properties.yearsOfExperience]: 6,
						[S.properties.employmentType]: S.propertyValues.fullTime,
					},
					screeningAnswers: [
						{
							id: u('5a000000', 1),
							type: 'radio',
							category: 'workPermit',
							name: 'workPermit',
							label: 'Do you have a permit to work in Germany?',
							records: [
								{
									fields: [
										{
											id: 'workPermit',
											label: 'Work permit',
											values: [{ id: 'yes', label: 'Yes' }],
										},
									],
								},
							],
						},
						{
							id: u('5a000000', 2),
							type: 'textarea',
							category: u('5b000000', 1),
							name: 'motivation',
							label: 'Why Acme?',
							records: [
								{
									fields: [
										{
											id: 'motivation',
											values: [{ id: 'text', label: 'I like distributed systems.' }],
										},
									],
								},
							],
						},
					],
				},
			),
			application(
				S.applications.johnDataAnalyst,
				S.candidates.john,
				S.jobs.dataAnalyst,
				[
					['2026-06-05T10:00:00.000Z', 'NEW'],
					['2026-06-08T10:00:00.000Z', 'IN_REVIEW'],
					['2026-06-15T10:00:00.000Z', 'INTERVIEW', 'Onsite interview'],
					['2026-06-25T10:00:00.000Z', 'OFFERED', 'Offer sent'],
					['2026-07-01T10:00:00.000Z', 'HIRED'],
				],
				apiSource,
				{
					startsOn: '2026-08-01T00:00:00.000Z',
					onboardingStatus: 'READY_TO_ONBOARD',
					properties: {
						[S.properties.startDate]: '2026-08-01T00:00:00.000Z',
						[S.properties.salary]: { code: 'EUR', value: 72000 },
						[S.properties.employmentType]: S.propertyValues.fullTime,
						[S.properties.costCenter]: 'CC-200 Analytics',
					},
				},
			),
			application(
				S.applications.mariaProductDesigner,
				S.candidates.maria,
				S.jobs.productDesigner,
				[['2026-09-10T10:00:00.000Z', 'NEW']],
				{
					sourceTypeId: S.sources.types.custom,
					sourceSubTypeId: S.sources.subTypes.custom,
					sourceId: S.sources.values.sourceWhale,
				},
				{ properties: { [S.properties.outreachSequence]: 'Design Q3' } },
			),
			application(
				S.applications.mariaBackendEngineer,
				S.candidates.maria,
				S.jobs.backendEngineer,
				[['2026-09-11T10:00:00.000Z', 'LEAD']],
				{
					sourceTypeId: S.sources.types.custom,
					sourceSubTypeId: S.sources.subTypes.custom,
					sourceId: S.sources.values.outreach,
				},
			),
		],
		notes: [],
		reviews: [
			{
				id: S.reviews.janeBackendEngineer,
				candidateId: S.candidates.jane,
				jobId: S.jobs.backendEngineer,
				reviewerId: S.users.hiringManager,
				overallRating: 4,
				comment: 'Strong system design, good communication.',
				createdOn: '2026-09-09T15:00:00.000Z',
				updatedOn: '2026-09-09T15:00:00.000Z',
			},
		],
		interviews: [
			{
				id: S.interviews.janeBackendEngineer,
				applicationId: S.applications.janeBackendEngineer,
				candidate: { id: S.candidates.jane, status: 'accepted' },
				jobId: S.jobs.backendEngineer,
				location: 'Berlin office',
				organizerId: S.users.recruiter,
				timezone: 'Europe/Berlin',
				timeslots: [
					{
						id: S.timeslots.janeOnsite,
						interviewType: 'Onsite',
						place: 'Room 4.01',
						startsOn: '2026-09-09T12:00:00.000Z',
						endsOn: '2026-09-09T13:00:00.000Z',
						interviewers: [
							{ id: S.users.hiringManager, status: 'accepted' },
							{ id: S.users.interviewer, status: 'accepted' },
						],
						candidateStatus: 'accepted',
					},
				],
				createdOn: '2026-09-08T10:05:00.000Z',
				source: 'smartrecruiters',
			},
		],
		offers: [
			{
				id: S.offers.johnDataAnalyst,
				candidateId: S.candidates.john,
				jobId: S.jobs.dataAnalyst,
				status: 'ACCEPTED',
				createdOn: '2026-06-25T10:00:00.000Z',
				updatedOn: '2026-06-30T10:00:00.000Z',
				properties: {
					startDate: '2026-08-01',
					salary: '72000',
					currency: 'EUR',
					jobTitle: 'Data Analyst',
					payFrequency: 'Yearly',
				},
				sentWith: 'DOCUSIGN',
				isCurrentlySyncing: false,
				documents: [
					{
						id: S.offerDocuments.johnOfferLetter,
						name: 'Offer letter - John Smith.pdf',
						createdDate: '2026-06-30T10:00:00.000Z',
						contentType: 'application/pdf',
						content: pdfDocument('Offer letter: John Smith, Data Analyst, signed 2026-06-30'),
					},
					{
						id: S.offerDocuments.johnCertificate,
						name: 'Certificate of completion.pdf',
						createdDate: '2026-06-30T10:01:00.000Z',
						// As the spec declares the download: the type must then come from the name.
						contentType: 'application/octet-stream',
						content: pdfDocument('DocuSign certificate of completion'),
					},
				],
			},
		],
		subscriptions: [],
		deliveries: [],
		config: {
			company: {
				identifier: 'AcmeInc',
				name: 'Acme Inc.',
				location: { city: 'Berlin', countryCode: 'de', country: 'Germany' },
				website: 'https://www.acme.example',
				industry: { id: 'computer_software', label: 'Computer Software' },
				logo: 'https://www.acme.example/logo.png',
			},
			privacyPolicy: true,
			onboardingStatusActive: true,
			departments: Object.values(departments),
			jobProperties: [
				{
					id: S.jobProperties.costCenter,
					label: 'Cost center',
					category: 'job',
					active: true,
					visible: true,
					required: false,
					values: [
						{ id: S.jobPropertyValues.cc100, label: 'CC-100 Engineering', archived: false },
						{ id: S.jobPropertyValues.cc200, label: 'CC-200 Analytics', archived: false },
						{ id: S.jobPropertyValues.cc300, label: 'CC-300 Sales', archived: true },
					],
				},
				{
					id: S.jobProperties.brand,
					label: 'Brand',
					category: 'organization',
					active: true,
					visible: true,
					required: false,
					values: [
						{ id: S.jobPropertyValues.acme, label: 'Acme', archived: false },
						{ id: S.jobPropertyValues.acmeLabs, label: 'Acme Labs', archived: false },
					],
				},
			],
			industries: [
				{ id: 'computer_software', label: 'Computer Software' },
				{ id: 'internet', label: 'Internet' },
				{ id: 'financial_services', label: 'Financial Services' },
			],
			functions: [
				{ id: 'engineering', label: 'Engineering' },
				{ id: 'information_technology', label: 'Information Technology' },
				{ id: 'design', label: 'Design' },
				{ id: 'sales', label: 'Sales' },
				{ id: 'marketing', label: 'Marketing' },
				{ id: 'other', label: 'Other' },
			],
			typesOfEmployment: [
				{ id: 'permanent', label: 'Full-time' },
				{ id: 'part_time', label: 'Part-time' },
				{ id: 'contract', label: 'Contract' },
				{ id: 'internship', label: 'Internship' },
			],
			offerProperties: [
				{
					id: 'compensation',
					properties: [
						{ key: 'salary', label: 'Base salary', required: true, type: 'NUMBER' },
						{ key: 'currency', label: 'Currency', required: true, type: 'TEXT' },
						{ key: 'payFrequency', label: 'Pay frequency', required: false, type: 'SELECT' },
					],
				},
				{
					id: 'position',
					properties: [
						{ key: 'startDate', label: 'Start date', required: true, type: 'DATE' },
						{ key: 'jobTitle', label: 'Job title', required: true, type: 'TEXT' },
					],
				},
			],
			sourceTypes: [
				{ id: S.sources.types.api, label: 'API', subtypes: [S.sources.subTypes.api] },
				{
					id: S.sources.types.jobBoards,
					label: 'Job Boards',
					subtypes: [S.sources.subTypes.jobBoardsGeneral],
				},
				{
					id: S.sources.types.sourcingTools,
					label: 'Sourcing Tools',
					subtypes: [S.sources.subTypes.outreach, S.sources.subTypes.sourcingTool],
				},
				{ id: S.sources.types.custom, label: 'Custom', subtypes: [S.sources.subTypes.custom] },
			],
			sourceValues: [
				{
					id: S.sources.values.api,
					label: 'API',
					sourceTypeId: S.sources.types.api,
					sourceSubTypeId: S.sources.subTypes.api,
				},
				{
					id: S.sources.values.linkedIn,
					label: 'LinkedIn',
					sourceTypeId: S.sources.types.jobBoards,
					sourceSubTypeId: S.sources.subTypes.jobBoardsGeneral,
				},
				{
					id: S.sources.values.indeed,
					label: 'Indeed',
					sourceTypeId: S.sources.types.jobBoards,
					sourceSubTypeId: S.sources.subTypes.jobBoardsGeneral,
				},
				{
					id: S.sources.values.sourceWhaleTool,
					label: 'SourceWhale',
					sourceTypeId: S.sources.types.sourcingTools,
					sourceSubTypeId: S.sources.subTypes.outreach,
				},
				{
					id: S.sources.values.hireEz,
					label: 'hireEZ',
					sourceTypeId: S.sources.types.sourcingTools,
					sourceSubTypeId: S.sources.subTypes.sourcingTool,
				},
				{
					id: S.sources.values.sourceWhale,
					label: 'SourceWhale',
					sourceTypeId: S.sources.types.custom,
					sourceSubTypeId: S.sources.subTypes.custom,
				},
				{
					id: S.sources.values.outreach,
					label: 'Outreach',
					sourceTypeId: S.sources.types.custom,
					sourceSubTypeId: S.sources.subTypes.custom,
				},
			],
			candidateProperties: [
				{
					id: S.properties.startDate,
					label: 'Start date',
					type: 'DATE',
					context: ['OFFER_FORM', 'HIRE_FORM'],
				},
				{
					id: S.properties.salary,
					label: 'Salary',
					type: 'CURRENCY',
					context: ['OFFER_FORM', 'HIRE_FORM', 'OFFER_APPROVAL_FORM'],
				},
				{
					id: S.properties.employmentType,
					label: 'Employment type',
					type: 'SINGLE_SELECT',
					context: ['PROFILE', 'HIRE_FORM'],
					values: [
						{ id: S.propertyValues.fullTime, label: 'Full-time' },
						{ id: S.propertyValues.partTime, label: 'Part-time' },
						{ id: S.propertyValues.contractor, label: 'Contractor' },
					],
				},
				{
					id: S.properties.outreachSequence,
					label: 'Outreach sequence',
					type: 'TEXT',
					context: ['PROFILE'],
				},
				{
					id: S.properties.countryOfResidence,
					label: 'Country of residence',
					type: 'COUNTRY',
					context: ['PROFILE'],
				},
				{ id: S.properties.workRegion, label: 'Work region', type: 'REGION', context: ['PROFILE'] },
				{
					id: S.properties.willingToRelocate,
					label: 'Willing to relocate',
					type: 'BOOLEAN',
					context: ['PROFILE'],
				},
				{
					id: S.properties.yearsOfExperience,
					label: 'Years of experience',
					type: 'NUMBER',
					context: ['PROFILE'],
				},
				{
					id: S.properties.remotePercentage,
					label: 'Remote percentage',
					type: 'PERCENT',
					context: ['PROFILE', 'OFFER_FORM'],
				},
				{ id: S.properties.referrer, label: 'Referrer', type: 'USER', context: ['PROFILE'] },
				{ id: S.properties.employeeId, label: 'Employee ID', type: 'TEXT', context: ['HIRE_FORM'] },
				{ id: S.properties.costCenter, label: 'Cost center', type: 'TEXT', context: ['HIRE_FORM'] },
			],
			hiringProcesses: [
				{
					id: S.hiringProcesses.standard,
					name: 'Standard hiring process',
					active: true,
					subStatuses: {
						IN_REVIEW: ['Screening call', 'Hiring manager review'],
						INTERVIEW: ['Phone interview', 'Onsite interview'],
						OFFERED: ['Offer sent', 'Offer accepted'],
					},
					subStatusRequiredFor: [],
				},
				{
					id: S.hiringProcesses.engineering,
					name: 'Engineering hiring process',
					active: true,
					subStatuses: {
						IN_REVIEW: ['Screening call', 'Hiring manager review'],
						INTERVIEW: ['Technical interview', 'Onsite interview'],
						OFFERED: ['Offer sent'],
					},
					subStatusRequiredFor: ['INTERVIEW'],
				},
			],
			rejectionReasons: [
				{ id: S.rejectionReasons.notQualified, label: 'Not qualified' },
				{ id: S.rejectionReasons.positionFilled, label: 'Position filled' },
				{ id: S.rejectionReasons.noShow, label: 'No show' },
			],
			withdrawalReasons: [
				{ id: S.withdrawalReasons.acceptedOtherOffer, label: 'Accepted another offer' },
				{ id: S.withdrawalReasons.salary, label: 'Salary expectations' },
			],
		},
	};
}

import {
	Builder,
	downloadFile,
	failures,
	filterNode,
	setNode,
	switchNode,
	toolkitEdition,
} from './lib.mjs';

const WHO = "={{ $('Contact Event').item.json.contact.email }}";
import { contactEventIntake } from './intake.mjs';

const OUTREACH_TYPES = ['contact.added', 'contact.replied', 'contact.interested'];
const CRED = { id: null, name: 'Outreach webhook (Crypto)' };

const POLICY =
	"={{ ({ added: ['contact.added', 'contact.replied', 'contact.interested'], replied: ['contact.replied', 'contact.interested'], interested: ['contact.interested'], never: [] })[({ 'sw-q3-sourcing': 'added', 'sw-exec-search': 'interested' })[$json.campaign.id] ?? 'replied'].includes($json.type) }}";

const NOTE_TITLE =
	"={{ ({ email: 'Email', linkedin: 'LinkedIn', call: 'Call' })[$('Contact Event').item.json.outreachType] ?? '' }}";

function intro(b, ats, extra) {
	b.sticky(
		'Sticky: About',
		[-60, -140],
		900,
		360,
		`## Push interested contacts to ${ats} — n8n Cloud edition\nBuilt from n8n's own nodes and the verified **n8n-nodes-ats-sync** package only, so it runs on n8n Cloud. Same behaviour as \`recipes/push-on-interested.*.json\` (which needs n8n-nodes-ats-sync-toolkit), except where docs/recipes.md ("Cloud editions") says otherwise.\n\n**Set up:** credential **Outreach webhook (Crypto)** → *Hmac Secret* = the outreach tool's signing secret; **${ats} account**; then the ops settings below (sync policy, campaign → job, ${extra}, note titles). Paste the production URL of **Contact Event (Webhook)** into the outreach tool.`,
		6,
	);
	b.sticky(
		'Sticky: Intake',
		[-60, 560],
		2240,
		260,
		"### Contact event intake (the toolkit's Contact Event Trigger)\n**Sign Body** computes the HMAC-SHA256 of the raw body with the Crypto credential; a delivery without a matching `x-signature: sha256=<hex>` is answered 401 and runs nothing else. A delivery is one event or a list of events; each needs eventId, type, occurredAt and contact.email, or the whole delivery is answered 400. **Ignore Repeated Event IDs** remembers event ids across executions, so a sender's retry is acknowledged (counted as a duplicate) but not synced again. **Acknowledge** answers 200 with `received / accepted / ignored / duplicates` before the contacts are written.",
		7,
	);
	b.sticky(
		'Sticky: Settings',
		[2140, -140],
		1120,
		360,
		`### Ops settings\n- **Sync Policy**: team default \`replied\`; per-campaign overrides in the object (\`added\` / \`replied\` / \`interested\` / \`never\`).\n- **Campaign → Job**: campaign ID → ${ats === 'Lever' ? 'Lever posting ID' : 'SmartRecruiters job ID'}; other campaigns are skipped.\n- **${extra}**: applied to new candidacies only.\n- **Note Title**: outreach type → note title; other types get no note.`,
		5,
	);
	b.sticky(
		'Sticky: Failures',
		[2140, 900],
		1500,
		220,
		"### Failed contacts fail the execution\nEvery failing step sends its item to **Failed at <step>** (who: the contact's email, where: the step, why: its error) and on to **Collect Failures**. That Merge runs only when nothing else is left to run (n8n's v1 execution order), so the other contacts are written first; then **Fail the Execution** (Stop and Error) ends the execution as failed, listing each failed contact.",
		3,
	);
}

export function pushLever() {
	const toolkit = toolkitEdition('push-on-interested.lever.json');
	const b = new Builder(
		'push-on-interested.lever.json',
		'Push interested contacts to Lever (n8n Cloud)',
		toolkit,
	);
	intro(b, 'Lever', 'Outreach Status → Stage (Lever stage IDs)');
	contactEventIntake(b, {
		name: 'Contact Event',
		path: 'push-on-interested-lever',
		types: OUTREACH_TYPES,
		credential: CRED,
	});
	filterNode(b, 'Sync Policy', [2200, 300], POLICY);
	setNode(
		b,
		'Campaign → Job',
		[2420, 300],
		[
			[
				'lever.postingId',
				'string',
				"={{ ({ 'sw-backend-berlin': '6bf017d8-6bd4-4857-adf9-d5a00aecee87', 'sw-q3-sourcing': 'd1130a38-c66d-4f50-99ed-bf7b99da7a6b' })[$json.campaign.id] ?? '' }}",
			],
		],
	);
	setNode(
		b,
		'Outreach Status → Stage',
		[2640, 300],
		[
			[
				'lever.stageId',
				'string',
				"={{ ({ 'contact.added': 'lead-new', 'contact.replied': 'lead-responded', 'contact.interested': 'c4cb7fbb-1843-4f84-b607-5bd637f99f3a' })[$json.type] ?? '' }}",
			],
		],
	);
	filterNode(
		b,
		'Job and Stage Mapped?',
		[2860, 300],
		"={{ $json.lever.postingId !== '' && $json.lever.stageId !== '' }}",
	);
	setNode(
		b,
		'Candidate Profile',
		[3080, 300],
		[
			[
				'profile',
				'object',
				"={{ { ...$json.candidate, tags: ['Outreach', $json.campaign.name || $json.campaign.id], sources: ['Outreach'] } }}",
			],
		],
	);
	b.keep('Upsert Candidate', [3300, 300]);
	setNode(b, 'Note Title', [3520, 200], [['noteTitle', 'string', NOTE_TITLE]]);
	filterNode(b, 'Has Note Title?', [3740, 200], "={{ $json.noteTitle !== '' }}");
	b.keep('Add Outreach Note', [3960, 200]);
	filterNode(b, 'Has CV?', [3520, 440], "={{ !!$('Contact Event').item.json.cvUrl }}");
	downloadFile(b, 'Download CV', [3740, 440], "$('Contact Event').item.json.cvUrl", 'cv');
	b.keep('Attach CV', [3960, 440]);
	b.chain(
		'Contact Event',
		'Sync Policy',
		'Campaign → Job',
		'Outreach Status → Stage',
		'Job and Stage Mapped?',
		'Candidate Profile',
		'Upsert Candidate',
	);
	b.connect('Upsert Candidate', 'Note Title');
	b.connect('Upsert Candidate', 'Has CV?');
	b.chain('Note Title', 'Has Note Title?', 'Add Outreach Note');
	b.chain('Has CV?', 'Download CV', 'Attach CV');
	failures(
		b,
		['Upsert Candidate', 'Add Outreach Note', 'Download CV', 'Attach CV'].map((step) => [
			step,
			WHO,
		]),
		[4400, 960],
	);
	return b.workflow();
}

export function pushSmartRecruiters() {
	const toolkit = toolkitEdition('push-on-interested.smartrecruiters.json');
	const b = new Builder(
		'push-on-interested.smartrecruiters.json',
		'Push interested contacts to SmartRecruiters (n8n Cloud)',
		toolkit,
	);
	intro(b, 'SmartRecruiters', 'Outreach Status → Status (status and sub-status per event type)');
	contactEventIntake(b, {
		name: 'Contact Event',
		path: 'push-on-interested-smartrecruiters',
		types: OUTREACH_TYPES,
		credential: CRED,
	});
	filterNode(b, 'Sync Policy', [2200, 300], POLICY);
	setNode(
		b,
		'Campaign → Job',
		[2420, 300],
		[
			[
				'smartrecruiters.jobId',
				'string',
				"={{ ({ 'sw-backend-berlin': '0b000000-0000-4000-8000-000000000001', 'sw-q3-sourcing': '0b000000-0000-4000-8000-000000000002' })[$json.campaign.id] ?? '' }}",
			],
		],
	);
	setNode(
		b,
		'Outreach Status → Status',
		[2640, 300],
		[
			[
				'smartrecruiters.status',
				'object',
				"={{ ({ 'contact.added': { status: 'LEAD' }, 'contact.replied': { status: 'IN_REVIEW', subStatus: 'Screening call' }, 'contact.interested': { status: 'IN_REVIEW', subStatus: 'Hiring manager review' } })[$json.type] ?? {} }}",
			],
		],
	);
	filterNode(
		b,
		'Job and Status Mapped?',
		[2860, 300],
		"={{ $json.smartrecruiters.jobId !== '' && !!$json.smartrecruiters.status.status }}",
	);
	setNode(
		b,
		'Candidate Profile',
		[3080, 300],
		[
			[
				'profile',
				'object',
				"={{ { ...$json.candidate, tags: ['Outreach', $json.campaign.name || $json.campaign.id], sources: ['Outreach'] } }}",
			],
		],
	);
	b.keep('Upsert Candidate', [3300, 300]);
	switchNode(
		b,
		'Application State',
		[3520, 440],
		[
			[
				'New Application',
				"={{ $json.jobApplication === 'created' || ($json.jobApplication === 'existing' && $json.candidate?.primaryAssignment?.job?.id === $json.jobId && $json.candidate?.primaryAssignment?.status === 'NEW' && String($json.candidate?.primaryAssignment?.actions?.sourceDetails?.url ?? '').includes('50000000-0000-4000-8000-000000000004')) }}",
			],
			['On the Job', "={{ ['created', 'existing'].includes($json.jobApplication) }}"],
		],
		{ allMatchingOutputs: true },
	);
	b.keep('Set Mapped Status', [3740, 380]);
	setNode(b, 'Note Title', [3520, 160], [['noteTitle', 'string', NOTE_TITLE]]);
	filterNode(b, 'Has Note Title?', [3740, 160], "={{ $json.noteTitle !== '' }}");
	b.keep('Add Outreach Note', [3960, 160]);
	filterNode(b, 'Has CV?', [3740, 600], "={{ !!$('Contact Event').item.json.cvUrl }}");
	downloadFile(b, 'Download CV', [3960, 600], "$('Contact Event').item.json.cvUrl", 'cv');
	b.keep('Attach CV', [4180, 600]);
	b.chain(
		'Contact Event',
		'Sync Policy',
		'Campaign → Job',
		'Outreach Status → Status',
		'Job and Status Mapped?',
		'Candidate Profile',
		'Upsert Candidate',
	);
	b.connect('Upsert Candidate', 'Note Title');
	b.connect('Upsert Candidate', 'Application State');
	b.chain('Note Title', 'Has Note Title?', 'Add Outreach Note');
	b.connect('Application State', 'Set Mapped Status', 0);
	b.connect('Application State', 'Has CV?', 1);
	b.chain('Has CV?', 'Download CV', 'Attach CV');
	failures(
		b,
		['Upsert Candidate', 'Set Mapped Status', 'Add Outreach Note', 'Download CV', 'Attach CV'].map(
			(step) => [step, WHO],
		),
		[4620, 960],
	);
	return b.workflow();
}

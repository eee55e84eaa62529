import { cryptoHmac, filterNode, ifNode, respondNode, setNode, uuid } from './lib.mjs';

const typesList = (types) => `[${types.map((type) => `'${type}'`).join(', ')}]`;

/**
 * What the Contact Event Trigger does, with built-in nodes: a Webhook that answers through Respond to Webhook nodes;
 * the HMAC of the raw body (Crypto, secret in a Crypto credential) compared with `x-signature`; the delivery (one
 * event or a list) checked and split; repeated event ids dropped (Remove Duplicates, kept across executions); the
 * sender answered 200 with the trigger's counts; then the wanted events as items, each with `candidate` built from
 * its contact. The last node is a Set named `name`, so the recipe's expressions (`$('Contact Event').item…`) stay.
 */
export function contactEventIntake(b, { name, path, types, credential, x = 0, y = 300 }) {
	const webhook = `${name} (Webhook)`;
	b.add(
		webhook,
		'n8n-nodes-base.webhook',
		2.1,
		[x, y],
		{ httpMethod: 'POST', path, responseMode: 'responseNode', options: { rawBody: true } },
		{ webhookId: uuid(`${b.file}/${webhook}/webhookId`) },
	);
	cryptoHmac(b, 'Sign Body', [x + 220, y], {
		binary: 'data',
		output: 'expectedSignature',
		credential,
	});
	ifNode(
		b,
		'Signature Valid?',
		[x + 440, y],
		"={{ String($json.headers['x-signature'] ?? '').trim().toLowerCase().replace(/^sha256=/, '') === $json.expectedSignature }}",
	);
	respondNode(
		b,
		'Refuse: Invalid Signature',
		[x + 660, y + 200],
		401,
		'={{ { message: \'Missing or invalid signature in header "x-signature"\' } }}',
	);
	ifNode(
		b,
		'Valid Events?',
		[x + 660, y],
		"={{ [].concat($json.body ?? []).length > 0 && [].concat($json.body ?? []).every(event => event !== null && typeof event === 'object' && !Array.isArray(event) && ['string', 'number'].includes(typeof event.eventId) && String(event.eventId).trim() !== '' && typeof event.type === 'string' && typeof event.occurredAt === 'string' && !isNaN(Date.parse(event.occurredAt)) && typeof event.contact?.email === 'string' && /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(event.contact.email.trim())) }}",
	);
	respondNode(
		b,
		'Refuse: Invalid Event',
		[x + 880, y + 200],
		400,
		"={{ { message: 'Invalid event: each event needs eventId, type, occurredAt (ISO 8601) and contact.email' } }}",
	);
	setNode(b, 'Event List', [x + 880, y], [['events', 'array', '={{ [].concat($json.body) }}']], {
		keepOthers: false,
	});
	b.add('Split Events', 'n8n-nodes-base.splitOut', 1, [x + 1100, y], {
		fieldToSplitOut: 'events',
		options: {},
	});
	b.add(
		'Ignore Repeated Event IDs',
		'n8n-nodes-base.removeDuplicates',
		2,
		[x + 1320, y],
		{
			operation: 'removeItemsSeenInPreviousExecutions',
			dedupeValue: '={{ String($json.eventId).trim() }}',
			options: { historySize: 10000 },
		},
		{ alwaysOutputData: true },
	);
	const fresh = '$input.all().filter(item => item.json.eventId !== undefined)';
	respondNode(
		b,
		'Acknowledge',
		[x + 1540, y],
		200,
		`={{ { received: $('Event List').first().json.events.length, accepted: ${fresh}.filter(item => ${typesList(types)}.includes(item.json.type)).length, ignored: ${fresh}.filter(item => !${typesList(types)}.includes(item.json.type)).length, duplicates: $('Event List').first().json.events.length - ${fresh}.length } }}`,
	);
	filterNode(
		b,
		'Wanted Events',
		[x + 1760, y],
		`={{ $json.eventId !== undefined && ${typesList(types)}.includes($json.type) }}`,
	);
	const links =
		"[...($json.contact.links ?? []), ...($json.contact.urls ?? [])].map(url => url.trim()).filter((url, index, all) => all.indexOf(url) === index).reduce((links, url) => { const host = (url.split('/')[2] ?? '').split('@').pop().split(':')[0].toLowerCase().replace(/^www\\./, ''); const network = host === 'linkedin.com' || host.endsWith('.linkedin.com') ? 'linkedin' : host === 'github.com' ? 'github' : ['twitter.com', 'x.com'].includes(host) ? 'twitter' : ['facebook.com', 'fb.com'].includes(host) ? 'facebook' : 'website'; if (links[network] === undefined) links[network] = url; else links.other = [...(links.other ?? []), url]; return links; }, {})";
	const text = (field) => `${field}: $json.contact.${field}?.trim() || undefined`;
	setNode(
		b,
		name,
		[x + 1980, y],
		[
			['eventId', 'string', '={{ String($json.eventId).trim() }}'],
			[
				'candidate',
				'object',
				`={{ Object.fromEntries(Object.entries({ email: $json.contact.email.trim(), ${['firstName', 'lastName', 'name', 'headline', 'company', 'location'].map(text).join(', ')}, phones: $json.contact.phones?.map(phone => typeof phone === 'string' ? { value: phone.trim() } : phone), links: Object.keys(${links}).length > 0 ? ${links} : undefined, customFields: $json.contact.customFields }).filter(([, value]) => value !== undefined)) }}`,
			],
		],
	);
	b.connect(webhook, 'Sign Body');
	b.connect('Sign Body', 'Signature Valid?');
	b.connect('Signature Valid?', 'Valid Events?', 0);
	b.connect('Signature Valid?', 'Refuse: Invalid Signature', 1);
	b.connect('Valid Events?', 'Event List', 0);
	b.connect('Valid Events?', 'Refuse: Invalid Event', 1);
	b.chain(
		'Event List',
		'Split Events',
		'Ignore Repeated Event IDs',
		'Acknowledge',
		'Wanted Events',
		name,
	);
	return { webhook, last: name, end: x + 1980 };
}

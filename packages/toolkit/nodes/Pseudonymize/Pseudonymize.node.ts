import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import set from 'lodash/set';

import { asNodeError } from '../../../../nodes/shared/errors';
import { failedItem } from '../../../../nodes/shared/failedItem';
import { valuesTest } from '../shared/credentialTest';

import { pseudonymHash, redact, redactionTerms, removeFields } from './pseudonym';

/** Below this a key could be guessed, and pseudonyms recomputed from known email addresses. */
const MIN_SECRET_LENGTH = 16;

function secretProblem(secret: unknown): string | undefined {
	return typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH
		? undefined
		: `The "Secret Key" of the Pseudonym Secret credential must have at least ${MIN_SECRET_LENGTH} characters`;
}

export class Pseudonymize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pseudonymize',
		name: 'pseudonymize',
		icon: { light: 'file:pseudonymize.svg', dark: 'file:pseudonymize.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "by " + $parameter["identifier"] }}',
		description:
			'Replaces a person by a stable pseudonym (HMAC of their normalised email under a secret key) and removes the fields that identify them',
		defaults: { name: 'Pseudonymize' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'pseudonymSecretApi', required: true, testedBy: 'pseudonymSecret' }],
		properties: [
			{
				displayName: 'Identifier',
				name: 'identifier',
				type: 'string',
				default: '={{ $json.contact.email }}',
				required: true,
				description:
					'What identifies the person, usually the email. Trimmed and lower-cased first, so the same person always gets the same pseudonym.',
			},
			{
				displayName: 'Fields to Remove',
				name: 'fieldsToRemove',
				type: 'string',
				default: 'contact, candidate',
				required: true,
				placeholder: 'e.g. contact, candidate, interview.reportUrl',
				description:
					'Comma-separated fields (dots for nested ones) that identify the person: name, email, phones, links, files. They are deleted from the item.',
			},
			{
				displayName: 'Output Field',
				name: 'pseudonymField',
				type: 'string',
				default: 'pseudonym',
				description: 'Field that receives { ID, name, email } of the pseudonym',
			},
			{
				displayName: 'Name Prefix',
				name: 'prefix',
				type: 'string',
				default: 'Candidate ',
				description:
					'Text before the pseudonym ID in the pseudonymous name, e.g. "Candidate 3f9a0c1d2e4b"',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'ID Length',
						name: 'length',
						type: 'number',
						typeOptions: { minValue: 8, maxValue: 64 },
						default: 12,
						description: 'Hex characters of the HMAC kept as the pseudonym ID (12 = 48 bits)',
					},
					{
						displayName: 'Pseudonymous Email Domain',
						name: 'emailDomain',
						type: 'string',
						default: '',
						placeholder: 'e.g. pseudonym.invalid',
						description:
							'When set, the pseudonym also gets an email address ID@domain, so an ATS upsert by email finds the same record again on a retry. Use a domain that cannot receive mail (.invalid).',
					},
					{
						displayName: 'Redact Removed Values in Other Fields',
						name: 'redactInText',
						type: 'boolean',
						default: true,
						description:
							"Whether any removed name, email, phone or link that also appears in another field (e.g. the person's name in written feedback) is replaced there by the pseudonymous name",
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			pseudonymSecret: valuesTest(
				(data) => [secretProblem(data.secret)].filter((problem) => problem !== undefined),
				'The secret key is long enough',
			),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { secret } = await this.getCredentials<{ secret: string }>('pseudonymSecretApi');
		const problem = secretProblem(secret);
		if (problem) throw new NodeOperationError(this.getNode(), problem);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push({
					json: pseudonymizeItem.call(this, items[itemIndex].json, secret, itemIndex),
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				output.push(failedItem.call(this, error, itemIndex));
			}
		}
		// Binary data is never passed on: a CV or interview report identifies the person.
		return [output];
	}
}

function pseudonymizeItem(
	this: IExecuteFunctions,
	input: IDataObject,
	secret: string,
	itemIndex: number,
): IDataObject {
	const identifier = this.getNodeParameter('identifier', itemIndex, '') as unknown;
	if (typeof identifier !== 'string' || identifier.trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			'"Identifier" is empty: there is nothing to derive a pseudonym from',
			{ itemIndex },
		);
	}
	const paths = String(this.getNodeParameter('fieldsToRemove', itemIndex, ''))
		.split(',')
		.map((path) => path.trim())
		.filter((path) => path !== '');
	if (paths.length === 0)
		throw new NodeOperationError(this.getNode(), '"Fields to Remove" is empty', { itemIndex });
	const outputField =
		String(this.getNodeParameter('pseudonymField', itemIndex, 'pseudonym')).trim() || 'pseudonym';
	const prefix = this.getNodeParameter('prefix', itemIndex, '') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const length = Number(options.length ?? 12);
	const emailDomain = String(options.emailDomain ?? '')
		.trim()
		.replace(/^@/, '');
	if (emailDomain && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(emailDomain)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Pseudonymous Email Domain" is not a domain name: ${emailDomain}`,
			{ itemIndex },
		);
	}

	const id = pseudonymHash(secret, identifier, length);
	const name = `${prefix}${id}`;
	let json = structuredClone(input);
	const removed = [identifier, ...removeFields(json, paths)];
	if (options.redactInText !== false) json = redact(json, redactionTerms(removed), name);
	set(json, outputField, { id, name, ...(emailDomain ? { email: `${id}@${emailDomain}` } : {}) });
	return json;
}

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { jsonParse, NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { parseEmployeeRecord } from '../shared/employee';
import type { OnboardingAuth } from './transport';
import { OnboardingHttpError, postWithIdempotencyKey, pushEmployee } from './transport';
import { failedItem } from '../../../../nodes/shared/failedItem';
import { headerNameProblem, isBlank, valuesTest } from '../shared/credentialTest';

export class OnboardingPush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Onboarding Push',
		name: 'onboardingPush',
		icon: { light: 'file:onboardingPush.svg', dark: 'file:onboardingPush.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["url"] }}',
		description:
			"Send a hired candidate's employee record to an onboarding or HRIS system once per candidate, or any JSON event under an idempotency key",
		defaults: { name: 'Onboarding Push' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{
				name: 'onboardingApi',
				required: true,
				testedBy: 'onboardingApi',
				displayOptions: { show: { authentication: ['onboardingApi'] } },
			},
		],
		properties: [
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://hris.example.com/api/employees',
				description: "The onboarding system's endpoint that creates an employee (POST)",
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'None', value: 'none' },
					{
						name: 'Onboarding API Credential',
						value: 'onboardingApi',
						description: 'A header and/or an HMAC signature of the body',
					},
				],
				default: 'onboardingApi',
			},
			{
				displayName: 'Send',
				name: 'payload',
				type: 'options',
				options: [
					{
						name: 'Employee Record',
						value: 'employee',
						description: 'A validated employee record, keyed by its ATS candidate ID',
					},
					{
						name: 'Any JSON Object',
						value: 'json',
						description:
							'For example a stage change posted back to an interview platform, under an idempotency key you choose',
					},
				],
				default: 'employee',
			},
			{
				displayName: 'JSON Body',
				name: 'body',
				type: 'json',
				default: '={{ $json }}',
				description: 'The object to POST',
				displayOptions: { show: { payload: ['json'] } },
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. lever:opportunity:stage',
				description:
					'Sent as Idempotency-Key: the same key for the same event, so a retried run does not post it twice',
				displayOptions: { show: { payload: ['json'] } },
			},
			{
				displayName: 'Employee Record',
				name: 'employee',
				type: 'json',
				default: '={{ $json.employee }}',
				displayOptions: { show: { payload: ['employee'] } },
				description:
					'The employee record, as the ATS Field Map node builds it in "Employee Record" mode. Its atsCandidateId is sent as Idempotency-Key, so a retried run never creates a second employee.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Retries',
						name: 'maxRetries',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 10 },
						default: 5,
						description:
							'How often a 5xx, 429 or lost connection is retried (with growing pauses) before the item fails',
					},
					{
						displayName: 'Put Result in Field',
						name: 'outputField',
						type: 'string',
						default: 'onboarding',
						description:
							'Field of the output item that receives the outcome (action, employee ID, status code)',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			onboardingApi: valuesTest(
				onboardingAuthProblems,
				'The header and signature settings are complete',
			),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		const auth = await authOf.call(this);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (this.getNodeParameter('payload', itemIndex, 'employee') === 'json') {
					output.push(await postJsonItem.call(this, items[itemIndex].json, auth, itemIndex));
					continue;
				}
				const parsed = parseEmployeeRecord(this.getNodeParameter('employee', itemIndex));
				if (!parsed.ok) {
					throw new NodeOperationError(
						this.getNode(),
						`The employee record is invalid: ${parsed.message}`,
						{
							itemIndex,
							description: 'Build the record with the ATS Field Map node in "Employee Record" mode',
						},
					);
				}
				const url = (this.getNodeParameter('url', itemIndex) as string).trim();
				if (!/^https?:\/\//i.test(url)) {
					throw new NodeOperationError(
						this.getNode(),
						`"URL" must be an http(s) URL, got "${url}"`,
						{ itemIndex },
					);
				}
				const options = this.getNodeParameter('options', itemIndex, {}) as {
					maxRetries?: number;
					outputField?: string;
				};
				const result = await pushEmployee.call(
					this,
					url,
					parsed.record,
					auth,
					options.maxRetries ?? 5,
				);
				output.push({
					json: {
						...items[itemIndex].json,
						[options.outputField || 'onboarding']: {
							action: result.action,
							employeeId: result.employeeId ?? null,
							idempotencyKey: parsed.record.atsCandidateId,
							statusCode: result.statusCode,
							replayed: result.replayed,
							response: result.response,
						},
					},
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				const nodeError =
					error instanceof OnboardingHttpError
						? new NodeApiError(
								this.getNode(),
								(typeof error.responseBody === 'object'
									? error.responseBody
									: { body: error.responseBody }) as JsonObject,
								{
									message: `The onboarding system refused the employee (HTTP ${error.statusCode}): ${error.message}`,
									httpCode: String(error.statusCode),
									itemIndex,
								},
							)
						: error instanceof NodeOperationError || error instanceof NodeApiError
							? error
							: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (!this.continueOnFail()) throw nodeError;
				output.push(failedItem.call(this, nodeError, itemIndex));
			}
		}
		return [output];
	}
}

/** "Any JSON Object": the body and key as given, with the employee push's auth, retries and 409 handling. */
async function postJsonItem(
	this: IExecuteFunctions,
	input: IDataObject,
	auth: OnboardingAuth | undefined,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const raw = this.getNodeParameter('body', itemIndex) as unknown;
	const body =
		typeof raw === 'string'
			? jsonParse<unknown>(raw, { errorMessage: '"JSON Body" is not valid JSON' })
			: raw;
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new NodeOperationError(this.getNode(), '"JSON Body" must be one JSON object', {
			itemIndex,
		});
	}
	const key = String(this.getNodeParameter('idempotencyKey', itemIndex, '') ?? '').trim();
	if (!key)
		throw new NodeOperationError(this.getNode(), '"Idempotency Key" is empty', { itemIndex });
	const url = (this.getNodeParameter('url', itemIndex) as string).trim();
	if (!/^https?:\/\//i.test(url))
		throw new NodeOperationError(this.getNode(), `"URL" must be an http(s) URL, got "${url}"`, {
			itemIndex,
		});
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		maxRetries?: number;
		outputField?: string;
	};
	const result = await postWithIdempotencyKey.call(
		this,
		url,
		body,
		key,
		auth,
		options.maxRetries ?? 5,
	);
	return {
		json: {
			...input,
			[options.outputField || 'onboarding']: {
				action: result.action,
				idempotencyKey: key,
				statusCode: result.statusCode,
				replayed: result.replayed,
				response: result.response,
			},
		},
		pairedItem: { item: itemIndex },
	};
}

async function authOf(this: IExecuteFunctions): Promise<OnboardingAuth | undefined> {
	if (this.getNodeParameter('authentication', 0) !== 'onboardingApi') return undefined;
	return onboardingAuth(await this.getCredentials('onboardingApi'));
}

/** What the Onboarding API credential sends: a header, a body signature, or both. */
function onboardingAuth(credentials: ICredentialDataDecryptedObject): OnboardingAuth {
	const type = String(credentials.authType ?? 'header');
	const withHeader = type === 'header' || type === 'headerAndHmac';
	const withHmac = type === 'hmac' || type === 'headerAndHmac';
	return {
		headerName: withHeader ? String(credentials.headerName || 'Authorization') : undefined,
		headerValue: withHeader ? String(credentials.headerValue ?? '') : undefined,
		hmacSecret: withHmac ? String(credentials.hmacSecret ?? '') : undefined,
		signatureHeader: withHmac ? String(credentials.signatureHeader || 'x-signature') : undefined,
	};
}

function onboardingAuthProblems(credentials: ICredentialDataDecryptedObject): string[] {
	const auth = onboardingAuth(credentials);
	return [
		auth.headerName !== undefined ? headerNameProblem('Header Name', auth.headerName) : undefined,
		auth.headerValue !== undefined && isBlank(auth.headerValue)
			? '"Header Value" is empty: no header would be sent'
			: undefined,
		auth.hmacSecret !== undefined && isBlank(auth.hmacSecret)
			? '"Signing Secret" is empty: no signature would be sent'
			: undefined,
		auth.signatureHeader !== undefined
			? headerNameProblem('Signature Header', auth.signatureHeader)
			: undefined,
	].filter((problem) => problem !== undefined);
}

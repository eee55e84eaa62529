/**
 * The toolkit's credential tests (the nodes' `methods.credentialTest`, named by `testedBy`): n8n runs them when a
 * credential is saved in the editor. They check the values, as nothing could be called with the credential alone.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialTestFunctions,
	INodeType,
} from 'n8n-workflow';

import { packageTypes, TOOLKIT_PACKAGE_NAME } from '../harness';

const types = packageTypes();

/** Runs the credential test the node names for `credentialType`, as n8n's credentials tester does. */
async function testCredential(
	nodeName: string,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
) {
	const nodeType = types.getByNameAndVersion(`${TOOLKIT_PACKAGE_NAME}.${nodeName}`) as INodeType;
	const testedBy = nodeType.description.credentials?.find(
		(credential) => credential.name === credentialType,
	)?.testedBy;
	expect(typeof testedBy).toBe('string');
	const test = nodeType.methods?.credentialTest?.[testedBy as string] as ICredentialTestFunction;
	return await test.call({} as ICredentialTestFunctions, {
		id: 'c',
		name: 'c',
		type: credentialType,
		data,
	});
}

describe('credential tests of the toolkit', () => {
	it('Pseudonym Secret: a key of at least 16 characters', async () => {
		expect(
			await testCredential('pseudonymize', 'pseudonymSecretApi', { secret: 'too-short' }),
		).toEqual({
			status: 'Error',
			message:
				'The "Secret Key" of the Pseudonym Secret credential must have at least 16 characters',
		});
		expect(
			(await testCredential('pseudonymize', 'pseudonymSecretApi', { secret: '0123456789abcdef' }))
				.status,
		).toBe('OK');
	});

	it('Contact Event Webhook: a signing secret and valid header names', async () => {
		const failed = await testCredential('contactEventTrigger', 'contactEventWebhookApi', {
			signingSecret: ' ',
			signatureHeader: 'x signature',
			timestampHeader: '',
		});
		expect(failed.status).toBe('Error');
		expect(failed.message).toBe(
			'"Signing Secret" is empty: every delivery would be refused; "Signature Header" is not a valid header name: "x signature"',
		);
		const passed = await testCredential('contactEventTrigger', 'contactEventWebhookApi', {
			signingSecret: 's3cret',
			signatureHeader: 'x-signature',
			timestampHeader: 'x-signature-timestamp',
		});
		expect(passed.status).toBe('OK');
	});

	it('Onboarding API: what the chosen authentication sends must be complete', async () => {
		expect(
			await testCredential('onboardingPush', 'onboardingApi', {
				authType: 'header',
				headerName: 'Authorization',
				headerValue: '',
			}),
		).toEqual({
			status: 'Error',
			message: '"Header Value" is empty: no header would be sent',
		});
		const hmac = await testCredential('onboardingPush', 'onboardingApi', {
			authType: 'hmac',
			hmacSecret: '',
			signatureHeader: 'x-signature',
			headerValue: '',
		});
		expect(hmac.message).toBe('"Signing Secret" is empty: no signature would be sent');
		const both = await testCredential('onboardingPush', 'onboardingApi', {
			authType: 'headerAndHmac',
			headerName: 'X-Api-Key',
			headerValue: 'k',
			hmacSecret: 's',
			signatureHeader: 'x-signature',
		});
		expect(both.status).toBe('OK');
	});
});

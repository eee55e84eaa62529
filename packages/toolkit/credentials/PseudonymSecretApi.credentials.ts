import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret key of the Pseudonymize node's HMAC. Kept in a credential (not a node parameter) so it never appears in
 * an exported workflow; whoever lacks it cannot recompute a pseudonym from an email address.
 */
export class PseudonymSecretApi implements ICredentialType {
	name = 'pseudonymSecretApi';

	displayName = 'Pseudonym Secret API';

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/nodes.md#pseudonymize';

	icon = {
		light: 'file:../nodes/Pseudonymize/pseudonymize.svg',
		dark: 'file:../nodes/Pseudonymize/pseudonymize.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'At least 16 characters, e.g. from "openssl rand -hex 32". The same person keeps the same pseudonym only while this key stays the same.',
		},
	];
}

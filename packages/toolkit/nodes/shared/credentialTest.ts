import type { ICredentialDataDecryptedObject, ICredentialTestFunction } from 'n8n-workflow';

/**
 * A credential test that checks the values themselves. The toolkit's credentials hold secrets shared with a sender
 * (webhook signatures) or used locally (pseudonym keys), or a header for a URL the node is given: there is nothing n8n
 * could call with the credential alone, but an empty secret or a malformed header name can be caught when it is saved.
 */
export function valuesTest(
	problemsOf: (data: ICredentialDataDecryptedObject) => string[],
	checked: string,
): ICredentialTestFunction {
	return async function (credential) {
		const problems = problemsOf(credential.data ?? {});
		return problems.length > 0
			? { status: 'Error', message: problems.join('; ') }
			: { status: 'OK', message: `${checked} (nothing to call to test more)` };
	};
}

/** An HTTP field name (RFC 9110 token), e.g. "x-signature". */
export const isHeaderName = (name: string) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);

/** The problem with an optional header-name field, if any. */
export function headerNameProblem(label: string, value: unknown): string | undefined {
	const name = String(value ?? '').trim();
	return name === '' || isHeaderName(name)
		? undefined
		: `"${label}" is not a valid header name: "${name}"`;
}

export const isBlank = (value: unknown) => String(value ?? '').trim() === '';

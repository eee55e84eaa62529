/** `ats-sync validate`: everything `run` checks before it sends anything, for several workflow files at once. */
import { credentialUses, readCredentialsFile, resolveCredentials } from '../credentials/sources';
import { EXIT_INVALID, EXIT_SUCCESS, UserError } from '../errors';
import { loadNodePackages } from '../nodePackages';
import type { Reporter } from '../report/reporter';
import type { Masker } from '../secrets';
import { nodeTypeProblems, parameterProblems, readWorkflow } from '../workflow/file';
import type { HostAccessNode } from '../workflow/hostAccess';
import { hostAccessNodes, hostAccessProblems } from '../workflow/hostAccess';
import { performAsProblems } from '../workflow/performAs';

export interface ValidateOptions {
	files: string[];
	credentialsFile?: string;
	nodes: string[];
	allowNodeTypes?: string[];
}

interface Validated {
	problems: string[];
	/** Nodes that reach the host (refused or allowed): listed whatever else is wrong. */
	hostAccess: HostAccessNode[];
}

function validate(
	file: string,
	options: ValidateOptions,
	masker: Masker,
	warn: (message: string) => void,
): Validated {
	const workflowData = readWorkflow(file, warn);
	const hostAccess = hostAccessNodes(workflowData, options.allowNodeTypes);
	const refused = hostAccessProblems(workflowData, options.allowNodeTypes);
	if (refused.length) return { problems: refused, hostAccess };
	const loaded = loadNodePackages(options.nodes);
	const typeProblems = nodeTypeProblems(
		workflowData,
		loaded.types,
		loaded.packages,
		loaded.problems,
	);
	if (typeProblems.length) return { problems: typeProblems, hostAccess };
	const problems = parameterProblems(workflowData, loaded.types);
	if (workflowData.nodes.length === 0) problems.push('the workflow has no nodes');
	const { uses, problems: missing } = credentialUses(workflowData, loaded.types);
	problems.push(...missing);
	const haveCredentials =
		options.credentialsFile !== undefined ||
		Object.keys(process.env).some((name) => name.startsWith('ATS_SYNC_CRED'));
	if (haveCredentials) {
		const file = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : undefined;
		const resolved = resolveCredentials(uses, { types: loaded.types, file, masker });
		problems.push(...resolved.problems, ...performAsProblems(workflowData, resolved.store));
	}
	return { problems, hostAccess };
}

export function validateCommand(
	options: ValidateOptions,
	reporter: Reporter,
	json: boolean,
): number {
	let invalid = 0;
	for (const file of options.files) {
		let result: Validated;
		try {
			result = validate(file, options, reporter.masker, (message) =>
				reporter.note(`${file}: ${message}`),
			);
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			result = { problems: [error.message], hostAccess: [] };
		}
		const { problems, hostAccess } = result;
		if (problems.length) invalid++;
		if (json) {
			reporter.event('validated', { file, valid: problems.length === 0, problems, hostAccess });
			continue;
		}
		for (const allowed of hostAccess.filter((node) => node.allowed)) {
			reporter.note(
				`${file}: Node "${allowed.node}" (${allowed.type}) ${allowed.risk}: allowed by --allow-node-type`,
			);
		}
		if (problems.length === 0) reporter.note(`${file}: valid`);
		else for (const problem of problems) reporter.note(`${file}: ${problem}`);
	}
	return invalid > 0 ? EXIT_INVALID : EXIT_SUCCESS;
}

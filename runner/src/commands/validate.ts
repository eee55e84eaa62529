/** `ats-sync validate`: everything `run` checks before it sends anything, for several workflow files at once. */
import { credentialUses, readCredentialsFile, resolveCredentials } from '../credentials/sources';
import { EXIT_INVALID, EXIT_SUCCESS, UserError } from '../errors';
import { loadNodePackages } from '../nodePackages';
import type { Reporter } from '../report/reporter';
import type { Masker } from '../secrets';
import { nodeTypeProblems, parameterProblems, readWorkflow } from '../workflow/file';
import { performAsProblems } from '../workflow/performAs';

export interface ValidateOptions {
	files: string[];
	credentialsFile?: string;
	nodes: string[];
}

function problemsOf(file: string, options: ValidateOptions, masker: Masker, warn: (message: string) => void): string[] {
	const workflowData = readWorkflow(file, warn);
	const loaded = loadNodePackages(options.nodes);
	const typeProblems = nodeTypeProblems(workflowData, loaded.types, loaded.packages, loaded.problems);
	if (typeProblems.length) return typeProblems;
	const problems = parameterProblems(workflowData, loaded.types);
	if (workflowData.nodes.length === 0) problems.push('the workflow has no nodes');
	const { uses, problems: missing } = credentialUses(workflowData, loaded.types);
	problems.push(...missing);
	const haveCredentials = options.credentialsFile !== undefined || Object.keys(process.env).some((name) => name.startsWith('ATS_SYNC_CRED'));
	if (haveCredentials) {
		const file = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : undefined;
		const resolved = resolveCredentials(uses, { types: loaded.types, file, masker });
		problems.push(...resolved.problems, ...performAsProblems(workflowData, resolved.store));
	}
	return problems;
}

export function validateCommand(options: ValidateOptions, reporter: Reporter, json: boolean): number {
	let invalid = 0;
	for (const file of options.files) {
		let problems: string[];
		try {
			problems = problemsOf(file, options, reporter.masker, (message) => reporter.note(`${file}: ${message}`));
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			problems = [error.message];
		}
		if (problems.length) invalid++;
		if (json) reporter.event('validated', { file, valid: problems.length === 0, problems });
		else if (problems.length === 0) reporter.note(`${file}: valid`);
		else for (const problem of problems) reporter.note(`${file}: ${problem}`);
	}
	return invalid > 0 ? EXIT_INVALID : EXIT_SUCCESS;
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../shared/parameters';

/** The job application an operation is about: its "Candidate" and "Job" (errors name the empty one). */
export function applicationOf(
	this: IExecuteFunctions,
	itemIndex: number,
): { candidateId: string; jobId: string } {
	return {
		candidateId: requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex),
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
	};
}

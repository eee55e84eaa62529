import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as candidate from './candidate/Candidate.resource';
import * as interview from './interview/Interview.resource';
import * as job from './job/Job.resource';
import * as note from './note/Note.resource';
import * as offer from './offer/Offer.resource';
import * as review from './review/Review.resource';

type Operation = { execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> };

/** Every operation the node offers, by resource and operation value. */
export const operations: Record<string, Record<string, Operation>> = {
	candidate: {
		create: candidate.create,
		get: candidate.get,
		getApplications: candidate.getApplications,
		getStatusHistory: candidate.getStatusHistory,
		search: candidate.search,
		setProperties: candidate.setProperties,
		setSource: candidate.setSource,
		setStatus: candidate.setStatus,
		update: candidate.update,
		updateTags: candidate.updateTags,
		uploadAttachment: candidate.uploadAttachment,
		upsert: candidate.upsert,
	},
	job: { get: job.get, getHiringTeam: job.getHiringTeam, getMany: job.getMany },
	note: { create: note.create },
	review: { get: review.get, getMany: review.getMany },
	interview: { get: interview.get, getMany: interview.getMany },
	offer: { get: offer.get, getMany: offer.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	return [await handler.execute.call(this)];
}

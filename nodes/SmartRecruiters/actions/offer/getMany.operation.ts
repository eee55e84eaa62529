import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { offerOutputProperty, offersOutput } from '../../../shared/offers';
import { requiredLocatorValue, resultLimit } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('The job application whose offers are read'),
	...returnAllAndLimit(),
	offerOutputProperty(
		'"offer" is the accepted offer, else the newest, with its properties by key (e.g. offer.startDate); null when there is none',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['offer'], operation: ['getMany'] } },
	properties,
);

/** The offer a hire goes by: the accepted one, else the newest, with its properties at the top level. */
export function preferredOffer(offers: IDataObject[]): IDataObject | null {
	if (offers.length === 0) return null;
	const newestFirst = [...offers].sort(
		(a, b) => Date.parse(String(b.createdOn ?? 0)) - Date.parse(String(a.createdOn ?? 0)),
	);
	const chosen = newestFirst.find((offer) => offer.status === 'ACCEPTED') ?? newestFirst[0];
	const properties =
		chosen.properties !== null && typeof chosen.properties === 'object'
			? (chosen.properties as IDataObject)
			: {};
	return { ...properties, id: chosen.id, status: chosen.status, createdOn: chosen.createdOn };
}

/** The offers of one application; SmartRecruiters returns them in one list (no pages), so Limit cuts it. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const params = {
		candidateId: requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex),
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
	};
	const response = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}/offers',
		{ params, itemIndex },
	);
	const offers = ((response.content as IDataObject[] | undefined) ?? []).slice(
		0,
		resultLimit.call(this, itemIndex),
	);
	return offersOutput.call(this, itemIndex, offers, preferredOffer);
}

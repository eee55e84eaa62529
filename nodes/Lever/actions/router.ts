import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/router';
import * as archiveReason from './archiveReason/ArchiveReason.resource';
import * as feedback from './feedback/Feedback.resource';
import * as interview from './interview/Interview.resource';
import * as offer from './offer/Offer.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as posting from './posting/Posting.resource';
import * as source from './source/Source.resource';
import * as stage from './stage/Stage.resource';
import * as tag from './tag/Tag.resource';
import * as user from './user/User.resource';

/** The Lever node's resources by value; the node's properties and the router both come from here. */
export const resources = { archiveReason, feedback, interview, offer, opportunity, posting, source, stage, tag, user };

/** Runs the chosen operation for every item (nodes/shared/router.ts); a failed item names its candidate or record. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, resources, {
		subjectParameters: { email: 'candidate', opportunity: 'opportunity', posting: 'posting', user: 'user' },
	});
}

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/router';
import * as archiveReason from './archiveReason/ArchiveReason.resource';
import * as contact from './contact/Contact.resource';
import * as feedback from './feedback/Feedback.resource';
import * as feedbackTemplate from './feedbackTemplate/FeedbackTemplate.resource';
import * as file from './file/File.resource';
import * as interview from './interview/Interview.resource';
import * as note from './note/Note.resource';
import * as offer from './offer/Offer.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as panel from './panel/Panel.resource';
import * as posting from './posting/Posting.resource';
import * as profileForm from './profileForm/ProfileForm.resource';
import * as referral from './referral/Referral.resource';
import * as requisition from './requisition/Requisition.resource';
import * as requisitionField from './requisitionField/RequisitionField.resource';
import * as resume from './resume/Resume.resource';
import * as source from './source/Source.resource';
import * as stage from './stage/Stage.resource';
import * as tag from './tag/Tag.resource';
import * as user from './user/User.resource';
import * as webhook from './webhook/Webhook.resource';

/** The Lever node's resources by value; the node's properties and the router both come from here. */
export const resources = {
	archiveReason,
	contact,
	feedback,
	feedbackTemplate,
	file,
	interview,
	note,
	offer,
	opportunity,
	panel,
	posting,
	profileForm,
	referral,
	requisition,
	requisitionField,
	resume,
	source,
	stage,
	tag,
	user,
	webhook,
};

/** Runs the chosen operation for every item (nodes/shared/router.ts); a failed item names its candidate or record. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, resources, {
		subjectParameters: {
			email: 'candidate',
			opportunity: 'opportunity',
			contact: 'contact',
			posting: 'posting',
			requisition: 'requisition',
			requisitionField: 'requisition field',
			user: 'user',
			userEmail: 'user',
			feedbackTemplate: 'feedback template',
			webhook: 'webhook',
			requisitionCode: 'requisition',
			url: 'webhook',
		},
	});
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue, toDate } from '../../../shared/parameters';
import {
	CANDIDATE_STATUSES,
	STATUSES_WITH_REASON,
	STATUSES_WITH_SUB_STATUS,
} from '../../helpers/constants';
import { allowedSubStatuses, getApplication } from '../../helpers/lookups';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('The job application whose status changes'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: CANDIDATE_STATUSES,
		default: 'IN_REVIEW',
	},
	{
		displayName: 'Sub-Status Name or ID',
		name: 'subStatus',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getSubStatuses',
			loadOptionsDependsOn: ['status', 'job.value'],
		},
		default: '',
		description:
			'Only for In Review, Interview and Offered; must be one of the hiring process\'s sub-statuses. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Reason Name or ID',
		name: 'reason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStatusReasons', loadOptionsDependsOn: ['status'] },
		default: '',
		description:
			'Only for Rejected and Withdrawn: the rejection or withdrawal reason. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Start Date',
		name: 'startsOn',
		type: 'dateTime',
		default: '',
		description: "The hire's start date",
		displayOptions: { show: { status: ['HIRED'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['setStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as string;
	// Sub-status and reason are always visible (the status is often an expression), so a wrong combination is refused here.
	const subStatus = String(this.getNodeParameter('subStatus', itemIndex, '') ?? '').trim();
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	const startsOn = String(this.getNodeParameter('startsOn', itemIndex, '') ?? '').trim();
	const body: IDataObject = { status };
	if (reason) {
		if (!STATUSES_WITH_REASON.includes(status)) {
			throw new NodeOperationError(
				this.getNode(),
				`"Reason" only applies to Rejected and Withdrawn, not to ${status}`,
				{ itemIndex },
			);
		}
		body.reason = reason;
	}
	if (subStatus) {
		if (!STATUSES_WITH_SUB_STATUS.includes(status)) {
			throw new NodeOperationError(
				this.getNode(),
				`"Sub-Status" only applies to In Review, Interview and Offered, not to ${status}`,
				{ itemIndex },
			);
		}
		const allowed = await allowedSubStatuses.call(this, jobId, status, itemIndex);
		if (!allowed.includes(subStatus)) {
			throw new NodeOperationError(
				this.getNode(),
				`"Sub-Status" "${subStatus}" is not a ${status} sub-status of the job's hiring process (allowed: ${allowed.map((s) => `"${s}"`).join(', ') || 'none'})`,
				{ itemIndex },
			);
		}
		body.subStatus = subStatus;
	}
	if (startsOn && status === 'HIRED')
		body.startsOn = toDate.call(this, startsOn, 'Start Date', itemIndex).toISOString();
	await smartRecruitersApiRequest.call(
		this,
		'PUT',
		'/candidates/{candidateId}/jobs/{jobId}/status',
		{
			params: { candidateId, jobId },
			body,
			itemIndex,
		},
	);
	return await getApplication.call(this, candidateId, jobId, itemIndex);
}

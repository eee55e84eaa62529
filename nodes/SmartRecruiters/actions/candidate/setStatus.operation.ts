import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CANDIDATE_STATUSES, STATUSES_WITH_REASON, STATUSES_WITH_SUB_STATUS } from '../../helpers/constants';
import { allowedSubStatuses, getApplication } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'setStatus', [
	candidateLocator(),
	jobLocator('Job', true, 'The job application whose status changes'),
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
		typeOptions: { loadOptionsMethod: 'getSubStatuses', loadOptionsDependsOn: ['status', 'jobId.value'] },
		default: '',
		description: 'Only for In Review, Interview and Offered; must be one of the hiring process\'s sub-statuses. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Reason Name or ID',
		name: 'reason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStatusReasons', loadOptionsDependsOn: ['status'] },
		default: '',
		description: 'Only for Rejected and Withdrawn: the rejection or withdrawal reason. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Start Date',
		name: 'startsOn',
		type: 'dateTime',
		default: '',
		description: 'The hire\'s start date',
		displayOptions: { show: { status: ['HIRED'] } },
	},
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const candidateId = locatorValue.call(this, 'candidateId', i);
		const jobId = locatorValue.call(this, 'jobId', i);
		const status = this.getNodeParameter('status', i) as string;
		// Sub-status and reason are always visible (the status is often an expression), so a wrong combination is refused here.
		const subStatus = String(this.getNodeParameter('subStatus', i, '') ?? '').trim();
		const reason = String(this.getNodeParameter('reason', i, '') ?? '').trim();
		const startsOn = String(this.getNodeParameter('startsOn', i, '') ?? '').trim();
		const body: IDataObject = { status };
		if (reason) {
			if (!STATUSES_WITH_REASON.includes(status)) {
				throw new NodeOperationError(this.getNode(), `"Reason" only applies to Rejected and Withdrawn, not to ${status}`, { itemIndex: i });
			}
			body.reason = reason;
		}
		if (subStatus) {
			if (!STATUSES_WITH_SUB_STATUS.includes(status)) {
				throw new NodeOperationError(this.getNode(), `"Sub-Status" only applies to In Review, Interview and Offered, not to ${status}`, { itemIndex: i });
			}
			const allowed = await allowedSubStatuses.call(this, jobId, status, i);
			if (!allowed.includes(subStatus)) {
				throw new NodeOperationError(
					this.getNode(),
					`"Sub-Status" "${subStatus}" is not a ${status} sub-status of the job's hiring process (allowed: ${allowed.map((s) => `"${s}"`).join(', ') || 'none'})`,
					{ itemIndex: i },
				);
			}
			body.subStatus = subStatus;
		}
		if (startsOn && status === 'HIRED') body.startsOn = new Date(startsOn).toISOString();
		await apiRequest.call(this, 'PUT', '/candidates/{id}/jobs/{jobId}/status', { params: { id: candidateId, jobId }, body, itemIndex: i });
		return await getApplication.call(this, candidateId, jobId, i);
	});
}

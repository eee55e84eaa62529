import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { singlePage } from '../../../shared/transport/pagination';
import { applicationOf } from '../../helpers/application';
import { smartRecruitersApiRequestAllItems } from '../../transport';
import { applicationProperties } from '../common.descriptions';

/**
 * An answer as text the way SmartRecruiters says to render it: each record's field values by label ("Language:
 * English, Proficiency level: Advanced"), the field label left out where a record has one field; records joined by "; ".
 */
export function answerText(answer: IDataObject): string {
	const records = (answer.records as Array<{ fields?: IDataObject[] }> | undefined) ?? [];
	return records
		.map((record) => {
			const fields = record.fields ?? [];
			return fields
				.map((field) => {
					const values = ((field.values as IDataObject[] | undefined) ?? [])
						.map((value) => String(value.label ?? value.id))
						.join(', ');
					return fields.length > 1 && field.label ? `${String(field.label)}: ${values}` : values;
				})
				.join(', ');
		})
		.join('; ');
}

export const { description, execute } = listOperation({
	resource: 'candidate',
	operation: 'getScreeningAnswers',
	properties: applicationProperties('The job application whose screening answers are read'),
	/** One item per answered question, with `text`: the answer in words. The list comes in one response. */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const { candidateId, jobId } = applicationOf.call(this, itemIndex);
		const answers = await smartRecruitersApiRequestAllItems.call(
			this,
			'/candidates/{candidateId}/jobs/{jobId}/screening-answers',
			{
				params: { candidateId, jobId },
				pages: singlePage,
				limit,
				itemIndex,
			},
		);
		return answers.map((answer) => ({ candidateId, jobId, ...answer, text: answerText(answer) }));
	},
});

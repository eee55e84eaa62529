import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { ProfileField } from '../../../../nodes/shared/candidate';
import { MandatoryFieldsMissingError } from '../../../../nodes/shared/upsert';
import type { CustomFieldMapping, ListMapping, TextMapping } from './candidateMapping';
import { mapCandidate, MappingError } from './candidateMapping';
import {
	candidateProperties,
	employeeProperties,
	modeProperty,
	outputOptions,
} from './descriptions';
import { parseEmployeeRecord } from '../shared/employee';
import { failedItem } from '../../../../nodes/shared/failedItem';

export class AtsFieldMap implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATS Field Map',
		name: 'atsFieldMap',
		icon: { light: 'file:atsFieldMap.svg', dark: 'file:atsFieldMap.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "employee" ? "Employee record" : "Candidate profile" }}',
		description:
			'Map source data to the candidate profile Lever and SmartRecruiters nodes take, or to an employee record',
		defaults: { name: 'ATS Field Map' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [modeProperty, ...candidateProperties, ...employeeProperties, outputOptions],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const mode = this.getNodeParameter('mode', itemIndex) as string;
				const result =
					mode === 'employee'
						? employeeRecordFor.call(this, itemIndex)
						: candidateProfileFor.call(this, itemIndex);
				const options = this.getNodeParameter('options', itemIndex, {}) as {
					outputField?: string;
					keepInputFields?: boolean;
				};
				const field =
					options.outputField?.trim() || (mode === 'employee' ? 'employee' : 'candidate');
				const json = options.keepInputFields === false ? {} : { ...items[itemIndex].json };
				output.push({ json: { ...json, [field]: result }, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError.call(this, error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push(failedItem.call(this, nodeError, itemIndex));
			}
		}
		return [output];
	}
}

function candidateProfileFor(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const entries = <T>(name: string) =>
		(this.getNodeParameter(`${name}.fields`, itemIndex, []) as T[]) ?? [];
	return mapCandidate({
		base: this.getNodeParameter('baseProfile', itemIndex, ''),
		text: entries<TextMapping>('textFields'),
		lists: entries<ListMapping>('listFields').map((entry) => ({
			...entry,
			separator: entry.separator ?? ',',
			take: entry.take ?? 'all',
		})),
		socialUrls: this.getNodeParameter('socialUrls', itemIndex, ''),
		customFields: entries<CustomFieldMapping>('customFields').map((entry) => ({
			...entry,
			fieldId: String(entry.fieldId ?? ''),
			translations: entry.translations ?? '',
			onUnmatched: entry.onUnmatched ?? 'error',
		})),
		mandatory: this.getNodeParameter('mandatoryFields', itemIndex, []) as ProfileField[],
	}) as IDataObject;
}

function employeeRecordFor(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const result = parseEmployeeRecord({
		atsSource: value('atsSource'),
		atsCandidateId: value('atsCandidateId'),
		firstName: value('firstName'),
		lastName: value('lastName'),
		email: value('email'),
		jobTitle: value('jobTitle'),
		startDate: value('startDate'),
		personalEmail: additional.personalEmail,
		department: additional.department,
		location: additional.location,
		managerEmail: additional.managerEmail,
		referral: additional.referral,
		salary: {
			amount: additional.salaryAmount,
			currency: additional.salaryCurrency,
			interval: additional.salaryInterval,
		},
		customFields: employeeCustomFields.call(this, itemIndex),
	});
	if (!result.ok)
		throw new NodeOperationError(
			this.getNode(),
			`The employee record is invalid: ${result.message}`,
			{ itemIndex },
		);
	return result.record as IDataObject;
}

/** "Custom Fields" of the employee record: name → value; a name mapped twice is refused, naming it. */
function employeeCustomFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const entries =
		(this.getNodeParameter('employeeCustomFields.fields', itemIndex, []) as Array<{
			name?: unknown;
			value?: unknown;
		}>) ?? [];
	const fields: IDataObject = {};
	for (const entry of entries) {
		const name = String(entry.name ?? '').trim();
		if (!name) continue;
		if (name in fields)
			throw new NodeOperationError(this.getNode(), `"Custom Fields": "${name}" is mapped twice`, {
				itemIndex,
			});
		fields[name] = entry.value as IDataObject[string];
	}
	return fields;
}

function toNodeError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof MandatoryFieldsMissingError) {
		return new NodeOperationError(this.getNode(), error.message, {
			itemIndex,
			description: 'Map a value to the field, or remove it from "Mandatory Fields"',
		});
	}
	if (error instanceof MappingError)
		return new NodeOperationError(this.getNode(), error.message, { itemIndex });
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

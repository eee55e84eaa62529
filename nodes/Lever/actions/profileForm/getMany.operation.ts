import { listOutputProperty } from '../../../shared/listOutput';
import { customFieldsOf } from '../../helpers/forms';
import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'profileForm',
	endpoint: '/opportunities/{opportunity}/forms',
	output: {
		property: listOutputProperty(
			'One Item per Form',
			'"profileForms" and "customFields"',
			'"customFields" has the answers of all forms by field name (e.g. customFields["T-shirt size"]); a newer form\'s answer wins',
		),
		summary: (forms) => ({ profileForms: forms, customFields: customFieldsOf(forms) }),
	},
});

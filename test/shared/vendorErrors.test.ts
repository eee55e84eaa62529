/** How the shared pipeline finds the field an ATS error is about, and the file name a download arrives with. */
import { fileNameOfDisposition } from '../../nodes/shared/files';
import type { ApiCall } from '../../nodes/shared/transport/request';
import { fieldNamedIn, fieldWhoseValueIsIn } from '../../nodes/shared/transport/request';

const call = (body: ApiCall['body'], params: Record<string, string> = {}): ApiCall => ({
	method: 'POST',
	route: '/x',
	path: '/x',
	params,
	qs: {},
	body,
});
const labels = {
	emails: 'Emails',
	content: 'Content',
	'content.descriptionHtml': 'Description (HTML)',
	interviewers: 'Interviewers',
	noteId: 'Note',
};

describe('the field an error names', () => {
	it('takes a quoted path by its own label, else by its first part', () => {
		expect(
			fieldNamedIn(
				'Invalid value for field "content.descriptionHtml": the tag <script> is not allowed',
				call({ content: {} }),
				labels,
			),
		).toBe('Description (HTML)');
		expect(
			fieldNamedIn(
				'Invalid value for field "content.lists[0].content"',
				call({ content: {} }),
				labels,
			),
		).toBe('Content');
		expect(fieldNamedIn('Invalid value for field "emails[1]"', call({ emails: [] }), labels)).toBe(
			'Emails',
		);
		expect(fieldNamedIn('Something went wrong', call({ emails: [] }), labels)).toBeUndefined();
	});

	it('finds an id the message repeats, also nested in a field or in the route', () => {
		expect(
			fieldWhoseValueIsIn(
				'users u-404 was not found',
				call({ interviewers: [{ id: 'u-404' }] }),
				labels,
			),
		).toBe('Interviewers');
		expect(
			fieldWhoseValueIsIn('notes n-1 was not found', call({}, { noteId: 'n-1' }), labels),
		).toBe('Note');
		expect(
			fieldWhoseValueIsIn(
				'notes n-1 was not found',
				call({ interviewers: [{ id: 'u-1' }] }),
				labels,
			),
		).toBeUndefined();
	});
});

describe('the file name of a download', () => {
	it.each([
		['attachment; filename="cv.pdf"', 'cv.pdf'],
		['attachment; filename=report.txt', 'report.txt'],
		[
			'attachment; filename="fallback.pdf"; filename*=UTF-8\'\'Lebenslauf%20J%C3%BCrgen.pdf',
			'Lebenslauf Jürgen.pdf',
		],
		['inline', undefined],
		[undefined, undefined],
	])('%s → %s', (header, expected) => {
		expect(fileNameOfDisposition(header)).toBe(expected);
	});
});

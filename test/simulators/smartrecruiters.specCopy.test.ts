/**
 * The SmartRecruiters OpenAPI description is test data copied into the repository; its source note records the
 * sha256 of the copied file. A changed or re-downloaded copy must come with an updated note.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SPEC_FILE } from './smartrecruiters/spec';

const SOURCE_NOTE = path.join(path.dirname(SPEC_FILE), 'SOURCE.md');

describe('the SmartRecruiters spec copy', () => {
	it('is the file its source note describes (sha256)', () => {
		const note = readFileSync(SOURCE_NOTE, 'utf8');
		const recorded = /sha256: `([0-9a-f]{64})`/.exec(note)?.[1];
		expect(recorded).toMatch(/^[0-9a-f]{64}$/);
		const actual = createHash('sha256').update(readFileSync(SPEC_FILE)).digest('hex');
		expect(actual).toBe(recorded);
	});

	it('lies inside the repository', () => {
		const repoRoot = path.resolve(__dirname, '..', '..');
		expect(path.relative(repoRoot, SPEC_FILE)).toBe(
			path.join('test', 'simulators', 'smartrecruiters', 'spec', 'smartrecruiters-openapi.yaml'),
		);
	});
});

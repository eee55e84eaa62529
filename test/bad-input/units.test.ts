/** The runner's checks behind the corpus, case by case: input encoding, broken NDJSON lines, parameter types. */
import type { INode, IWorkflowBase } from 'n8n-workflow';

import type { RejectedLine } from '../../runner/src/input';
import { decodeUtf8, parseInput } from '../../runner/src/input';
import { parameterProblems } from '../../runner/src/workflow/file';
import { packageTypes, TOOLKIT_PACKAGE_NAME } from '../harness';

describe('input encoding', () => {
	it('reads UTF-8 and drops a byte-order mark', () => {
		expect(decodeUtf8(Buffer.from('\ufeff{"name":"José Núñez"}\n'), 'in.ndjson')).toBe(
			'{"name":"José Núñez"}\n',
		);
	});

	it.each([
		[
			'a Latin-1 é on line 2',
			Buffer.from('{"a":1}\n{"name":"Jos\xe9"}\n', 'latin1'),
			'line 2, byte 13 (0xE9)',
		],
		['a stray continuation byte', Buffer.from([0x7b, 0x80, 0x7d]), 'line 1, byte 2 (0x80)'],
		[
			'a sequence cut off by the end of the file',
			Buffer.from('{"a":"é', 'utf8').subarray(0, 7),
			'line 1, byte 7 (0xC3)',
		],
	])('refuses %s, naming line and byte', (_what, bytes, where) => {
		expect(() => decodeUtf8(bytes, 'in.ndjson')).toThrow(
			`Input in.ndjson is not UTF-8: ${where} is not valid UTF-8`,
		);
	});
});

describe('broken NDJSON lines', () => {
	it('keeps the good lines and reports each broken one with its number', () => {
		const rejected: RejectedLine[] = [];
		const items = parseInput('{"n":1}\n{"n": 2\n\n[3]\n{"n":4}\n', 'in.ndjson', rejected);
		expect(items.map((item) => item.json)).toEqual([{ n: 1 }, { n: 4 }]);
		expect(rejected).toEqual([
			{ line: 2, message: expect.stringMatching(/^Input in\.ndjson line 2 is not valid JSON: /) },
			{ line: 4, message: expect.stringMatching(/^Input in\.ndjson line 4 is not a JSON object/) },
		]);
	});

	it('a JSON array stays all or nothing', () => {
		expect(() => parseInput('[{"n":1}, {"n": ]', 'in.json', [])).toThrow(
			/^Input in\.json is not valid JSON/,
		);
	});
});

describe('parameter types', () => {
	const types = packageTypes();
	const problemsOf = (parameters: INode['parameters']) =>
		parameterProblems(
			{
				nodes: [
					{
						id: '1',
						name: 'Map',
						type: `${TOOLKIT_PACKAGE_NAME}.mappingTable`,
						typeVersion: 1,
						position: [0, 0],
						parameters,
					},
				],
				connections: {},
			} as unknown as IWorkflowBase,
			types,
		).filter((problem) => problem.includes('parameter "'));
	const valid = {
		key: '={{ $json.id }}',
		tableSource: 'rows',
		mappings: { mapping: [{ from: 'a', to: 'b' }] },
		outputField: 'mapped',
	};

	it('accepts what the editor writes, and expressions for any type', () => {
		expect(problemsOf(valid)).toEqual([]);
		expect(problemsOf({ ...valid, tableSource: '={{ "rows" }}' })).toEqual([]);
	});

	it('names the node, the parameter, what it must be and what it is', () => {
		expect(problemsOf({ ...valid, tableSource: 7 })).toEqual([
			expect.stringMatching(
				/^Node "Map": parameter "tableSource" \(.+\) must be one of "rows", .*, but is 7$/,
			),
		]);
		expect(problemsOf({ ...valid, outputField: ['mapped'] })).toEqual([
			expect.stringMatching(
				/^Node "Map": parameter "outputField" \(.+\) must be text, but is \["mapped"\]$/,
			),
		]);
		expect(problemsOf({ ...valid, mappings: 'a=b' })).toEqual([
			expect.stringMatching(
				/^Node "Map": parameter "mappings" \(.+\) must be an object, but is "a=b"$/,
			),
		]);
	});
});

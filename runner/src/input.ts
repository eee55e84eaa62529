/** Items for a run from --input: NDJSON (one item's json per line) or a JSON array of objects; `-` reads stdin. */
import { readFileSync } from 'node:fs';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { UserError } from './errors';

function asItem(value: unknown, where: string): INodeExecutionData {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new UserError(`${where} is not a JSON object: each input item must be an object such as {"email": "ada@example.com"}`);
	}
	return { json: value as IDataObject };
}

export function parseInput(text: string, source: string): INodeExecutionData[] {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	if (trimmed.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(trimmed);
		} catch (error) {
			throw new UserError(`Input ${source} is not valid JSON: ${(error as Error).message}`);
		}
		return (parsed as unknown[]).map((value, index) => asItem(value, `Input ${source} item #${index + 1}`));
	}
	// One object, possibly pretty-printed over several lines (also the one-line NDJSON case).
	try {
		return [asItem(JSON.parse(trimmed), `Input ${source}`)];
	} catch (error) {
		if (error instanceof UserError) throw error;
	}
	const items: INodeExecutionData[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '') return;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch (error) {
			throw new UserError(`Input ${source} line ${index + 1} is not valid JSON: ${(error as Error).message}`);
		}
		items.push(asItem(parsed, `Input ${source} line ${index + 1}`));
	});
	return items;
}

export function readInput(file: string): INodeExecutionData[] {
	let text: string;
	try {
		text = readFileSync(file === '-' ? 0 : file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(`Input file ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
	}
	return parseInput(text, file === '-' ? '(stdin)' : file);
}

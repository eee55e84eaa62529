/** Items for a run from --input: NDJSON (one item's json per line) or a JSON array of objects; `-` reads stdin. */
import { readFileSync } from 'node:fs';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { UserError } from './errors';

/** An NDJSON line that is not a JSON object: reported with its line number, while the other lines still run. */
export interface RejectedLine {
	line: number;
	message: string;
}

export interface InputItems {
	items: INodeExecutionData[];
	rejected: RejectedLine[];
}

function asItem(value: unknown, where: string): INodeExecutionData {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new UserError(
			`${where} is not a JSON object: each input item must be an object such as {"email": "ada@example.com"}`,
		);
	}
	return { json: value as IDataObject };
}

/**
 * Parses NDJSON, a JSON array or one (pretty-printed) object. A JSON array or single object is all or nothing; in
 * NDJSON a broken line is pushed to `rejected` when it is given (so the good lines still run) and thrown otherwise.
 */
export function parseInput(
	text: string,
	source: string,
	rejected?: RejectedLine[],
): INodeExecutionData[] {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	if (trimmed.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(trimmed);
		} catch (error) {
			throw new UserError(`Input ${source} is not valid JSON: ${(error as Error).message}`);
		}
		return (parsed as unknown[]).map((value, index) =>
			asItem(value, `Input ${source} item #${index + 1}`),
		);
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
		try {
			let parsed: unknown;
			try {
				parsed = JSON.parse(line);
			} catch (error) {
				throw new UserError(
					`Input ${source} line ${index + 1} is not valid JSON: ${(error as Error).message}`,
				);
			}
			items.push(asItem(parsed, `Input ${source} line ${index + 1}`));
		} catch (error) {
			if (!rejected || !(error instanceof UserError)) throw error;
			rejected.push({ line: index + 1, message: error.message });
		}
	});
	return items;
}

/**
 * The text of an input file, which must be UTF-8 (a UTF-8 byte-order mark is dropped). Other encodings are refused
 * with the line and byte to fix rather than guessed at: a Latin-1 "é" read as UTF-8 would reach the ATS as "�".
 */
export function decodeUtf8(bytes: Buffer, source: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Feed the bytes one by one to a streaming decoder; report the start of the sequence it refuses.
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const isContinuation = (offset: number) => (bytes[offset] & 0xc0) === 0x80;
		let line = 1;
		let lineStart = 0;
		let sequenceStart = 0;
		let bad = bytes.length;
		for (let offset = 0; offset <= bytes.length; offset++) {
			const previousStart = sequenceStart;
			if (offset < bytes.length && !isContinuation(offset)) sequenceStart = offset;
			try {
				if (offset === bytes.length) decoder.decode();
				else decoder.decode(bytes.subarray(offset, offset + 1), { stream: true });
			} catch {
				// A lead byte cut short by the next sequence (or the end) is the culprit, else this stray byte is.
				bad = offset === bytes.length || !isContinuation(offset) ? previousStart : offset;
				break;
			}
			if (bytes[offset] === 0x0a) {
				line++;
				lineStart = offset + 1;
			}
		}
		const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
		throw new UserError(
			`Input ${source} is not UTF-8: line ${line}, byte ${bad - lineStart + 1} (0x${byte}) is not valid UTF-8 — a Latin-1 or Windows-1252 export? Save the file as UTF-8 and run again; nothing was sent`,
		);
	}
}

export function readInput(file: string): InputItems {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file === '-' ? 0 : file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(
			`Input file ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`,
		);
	}
	const source = file === '-' ? '(stdin)' : file;
	const rejected: RejectedLine[] = [];
	const items = parseInput(decodeUtf8(bytes, source), source, rejected);
	if (items.length === 0 && rejected.length > 0) {
		throw new UserError(rejected.map((problem) => problem.message).join('; '));
	}
	return { items, rejected };
}

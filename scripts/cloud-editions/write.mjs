/**
 * `npm run recipes:cloud`: writes the Cloud editions (index.mjs) to recipes/cloud/, as two-space JSON like n8n's own
 * export (recipes/ is left alone by Prettier, so an export from the editor diffs cleanly).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cloudEditions } from './index.mjs';
import { ROOT } from './lib.mjs';

const dir = path.join(ROOT, 'recipes', 'cloud');
mkdirSync(dir, { recursive: true });
const files = Object.entries(cloudEditions()).map(([name, workflow]) => {
	const file = path.join(dir, name);
	writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
	return file;
});
console.log(`wrote ${files.length} Cloud editions to ${path.relative(process.cwd(), dir) || dir}`);

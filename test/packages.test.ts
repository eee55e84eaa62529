/**
 * What n8n loads from next to each built node and credential of both packages: every icon a description names
 * (light and dark), and the node's codex file naming its full type.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { loadClass, SOURCE_PACKAGES, sourceFiles } from './harness';

type Icon = string | { light: string; dark: string } | undefined;

/** The files an icon names, relative to the file that names it. */
const iconFiles = (icon: Icon, from: string) =>
	(typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : []).map((entry) =>
		path.resolve(path.dirname(from), entry.replace(/^file:/, '')),
	);

const relativeTo = (dir: string, kind: 'nodes' | 'credentials') =>
	sourceFiles(dir, kind).map((file) => [path.relative(dir, file), file]);

describe.each(SOURCE_PACKAGES)('$name', ({ name, dir }) => {
	it.each(relativeTo(dir, 'nodes'))('%s: icons exist, codex names the type', (_relative, file) => {
		const nodeType = loadClass<INodeType | IVersionedNodeType>(file);
		const icons = iconFiles(nodeType.description.icon as Icon, file);
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) expect(existsSync(icon)).toBe(true);
		const codex = JSON.parse(readFileSync(file.replace(/\.ts$/, '.json'), 'utf8')) as {
			node: string;
		};
		expect(codex.node).toBe(`${name}.${nodeType.description.name}`);
	});

	it.each(relativeTo(dir, 'credentials'))('%s: icons exist', (_relative, file) => {
		const credential = loadClass<ICredentialType>(file);
		for (const icon of iconFiles(credential.icon as Icon, file))
			expect(existsSync(icon)).toBe(true);
	});
});

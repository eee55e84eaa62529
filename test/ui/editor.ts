/**
 * What an ops person does and sees in n8n's editor, driven through its own UI (test ids from n8n's editor-ui, the
 * same ones n8n's own Playwright tests use): sign in, import a workflow file from the workflow menu, look at the
 * canvas (red issue icons, the Publish button, labels), publish, and read the executions list.
 */
import type { Page } from 'playwright-core';

import { OWNER } from '../n8n/instance';
import { layoutProblems, type CanvasBoxes } from './layout';

const LOAD_MS = 2 * 60_000;
/**
 * Every node on the canvas, sticky notes included: the root element of each carries its name and type (n8n 2.41.1
 * gives sticky notes no `canvas-node` test id).
 */
const CANVAS_NODES = '[data-node-name][data-node-type]';

export async function signIn(page: Page, baseUrl: string) {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(OWNER.email);
	await page.locator('#password').fill(OWNER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: LOAD_MS });
}

/** Workflow menu (…) → Import → From file, on a new workflow, then Save (Ctrl+S); resolves with the workflow's id. */
export async function importFromFile(
	page: Page,
	baseUrl: string,
	file: string,
	step: (what: string) => void = () => undefined,
): Promise<string> {
	await page.goto(`${baseUrl}/workflow/new`);
	step('new workflow open');
	await page.getByTestId('workflow-menu').click({ timeout: LOAD_MS });
	await page.getByTestId('workflow-menu-item-import').hover();
	const [chooser] = await Promise.all([
		page.waitForEvent('filechooser'),
		page.getByTestId('workflow-menu-item-import-from-file').click(),
	]);
	await chooser.setFiles(file);
	step('file chosen');
	await page.waitForURL((url) => /^\/workflow\/(?!new)[^/]+$/.test(url.pathname), {
		timeout: LOAD_MS,
	});
	await page.getByTestId('canvas-node').first().waitFor({ timeout: LOAD_MS });
	step('on the canvas; saving');
	await page.keyboard.press('ControlOrMeta+s');
	return new URL(page.url()).pathname.split('/')[2];
}

/** Opens a saved workflow as someone coming back to it does, and waits until all its nodes are on the canvas. */
export async function openWorkflow(
	page: Page,
	baseUrl: string,
	workflowId: string,
	nodeCount: number,
) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: LOAD_MS });
	let seen = 0;
	await waitUntil(
		async () => (seen = await page.locator(CANVAS_NODES).count()) === nodeCount,
		`${nodeCount} nodes on the canvas`,
		LOAD_MS,
		() => `${seen} shown`,
	);
}

/** Zoom to fit, then wait for the canvas transform to stop moving (the zoom is animated). */
export async function zoomToFit(page: Page) {
	await page.getByTestId('zoom-to-fit').click();
	const transform = () =>
		page
			.locator('.vue-flow__transformationpane')
			.evaluate((element) => getComputedStyle(element).transform);
	let last = '';
	let stableFor = 0;
	await waitUntil(
		async () => {
			const now = await transform();
			stableFor = now === last ? stableFor + 1 : 0;
			last = now;
			return stableFor >= 3;
		},
		'the canvas to stop zooming',
		LOAD_MS,
		() => `last transform ${last}`,
	);
}

/** Names of the nodes that show n8n's red issue icon (missing credentials, parameter issues). */
export async function nodesWithIssues(page: Page): Promise<string[]> {
	return page
		.getByTestId('canvas-node')
		.filter({ has: page.getByTestId('node-issues') })
		.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name') ?? '?'));
}

export function publishButton(page: Page) {
	return page.getByTestId('workflow-open-publish-modal-button');
}

/** Publish → the modal's Publish, as an ops person activates a workflow in n8n 2.x. */
export async function publish(page: Page) {
	await publishButton(page).click();
	const dialog = page.getByRole('dialog').filter({ hasText: 'Publish workflow' });
	await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
	await dialog.waitFor({ state: 'hidden', timeout: LOAD_MS });
}

/** The statuses the workflow's Executions tab shows, newest first (n8n's data-test-execution-status). */
export async function executionStatusesShown(
	page: Page,
	baseUrl: string,
	workflowId: string,
): Promise<string[]> {
	await page.goto(`${baseUrl}/workflow/${workflowId}/executions`);
	const cards = page.locator('[data-test-execution-status]');
	await cards.first().waitFor({ timeout: LOAD_MS });
	return cards.evaluateAll((elements) =>
		elements.map((element) => element.getAttribute('data-test-execution-status') ?? '?'),
	);
}

/**
 * Every node's body and the boxes of the text it shows (label, subtitle, handle labels, a sticky note's lines), in
 * page pixels. Text boxes are the rendered lines (Range client rects), cut to any ancestor that clips them, so a
 * truncated subtitle counts only as far as it is visible.
 */
export async function canvasBoxes(page: Page): Promise<CanvasBoxes> {
	return page.locator(CANVAS_NODES).evaluateAll((nodes) => {
		type Box = { left: number; top: number; right: number; bottom: number };
		const boxOf = (rect: DOMRect): Box => ({
			left: rect.left,
			top: rect.top,
			right: rect.right,
			bottom: rect.bottom,
		});
		const cut = (a: Box, b: Box): Box | undefined => {
			const box = {
				left: Math.max(a.left, b.left),
				top: Math.max(a.top, b.top),
				right: Math.min(a.right, b.right),
				bottom: Math.min(a.bottom, b.bottom),
			};
			return box.right > box.left && box.bottom > box.top ? box : undefined;
		};
		return nodes.map((node) => {
			const name = node.getAttribute('data-node-name') ?? '?';
			const type = node.getAttribute('data-node-type') ?? '';
			const body = node.querySelector('[data-canvas-node-render-type]') ?? node;
			const texts: Array<{ text: string; box: Box }> = [];
			const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
			for (let textNode = walker.nextNode(); textNode; textNode = walker.nextNode()) {
				const parent = textNode.parentElement;
				const text = textNode.textContent?.trim() ?? '';
				if (!parent || !text || parent.closest('[data-test-id="canvas-node-toolbar"]')) continue;
				const style = getComputedStyle(parent);
				if (
					style.visibility === 'hidden' ||
					style.display === 'none' ||
					Number(style.opacity) === 0
				)
					continue;
				const range = document.createRange();
				range.selectNodeContents(textNode);
				for (const rect of Array.from(range.getClientRects())) {
					let box: Box | undefined = boxOf(rect);
					for (
						let ancestor: Element | null = parent;
						box && ancestor && ancestor !== node.parentElement;
						ancestor = ancestor.parentElement
					) {
						const clip = getComputedStyle(ancestor);
						if (clip.overflowX !== 'visible' || clip.overflowY !== 'visible')
							box = cut(box, boxOf(ancestor.getBoundingClientRect()));
					}
					if (box) texts.push({ text, box });
				}
			}
			return {
				name,
				sticky: /stickyNote$/i.test(type),
				body: boxOf(body.getBoundingClientRect()),
				texts,
			};
		});
	});
}

/** The editor's controls floating over the canvas, left out of the pictures. */
const OVERLAYS = [
	'canvas-controls',
	'canvas-add-button',
	'node-creator-plus-button',
	'command-bar-button',
	'add-sticky-button',
	'toggle-focus-panel-button',
	'instance-ai-canvas-action-button',
	'canvas-minimap',
];

/**
 * A PNG of the workflow as the canvas shows it now: cut to its nodes and labels (plus a margin), without the floating
 * controls and the Editor/Executions switch.
 */
export async function saveCanvasPicture(page: Page, file: string) {
	const nodes = await canvasBoxes(page);
	const boxes = nodes.flatMap((node) => [node.body, ...node.texts.map((text) => text.box)]);
	const canvas = await page.getByTestId('canvas-wrapper').boundingBox();
	if (!canvas || boxes.length === 0) throw new Error('No canvas to draw');
	const margin = 32;
	const left = Math.max(canvas.x, Math.min(...boxes.map((box) => box.left)) - margin);
	const top = Math.max(canvas.y, Math.min(...boxes.map((box) => box.top)) - margin);
	const right = Math.min(
		canvas.x + canvas.width,
		Math.max(...boxes.map((box) => box.right)) + margin,
	);
	const bottom = Math.min(
		canvas.y + canvas.height,
		Math.max(...boxes.map((box) => box.bottom)) + margin,
	);
	const hidden = [
		...OVERLAYS.map((id) => `[data-test-id="${id}"]`),
		// The Execute workflow button and its trigger menu; with several triggers n8n puts one beside each trigger.
		'[data-test-id^="execute-workflow-button"]',
		'div:has(> [data-test-id^="execute-workflow-button"])',
		'div:has(> [data-test-id="radio-button-workflow"])',
	];
	await page.screenshot({
		path: file,
		clip: { x: left, y: top, width: right - left, height: bottom - top },
		// opacity, not visibility: a child cannot undo it.
		style: `${hidden.join(', ')} { opacity: 0 !important; }`,
	});
}

export async function canvasLayoutProblems(page: Page): Promise<string[]> {
	return layoutProblems(await canvasBoxes(page));
}

export async function waitUntil(
	done: () => Promise<boolean>,
	what: string,
	timeoutMs = LOAD_MS,
	lastSeen?: () => string,
) {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline)
			throw new Error(
				`Timed out after ${timeoutMs / 1000} s waiting for ${what}${lastSeen ? ` (${lastSeen()})` : ''}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

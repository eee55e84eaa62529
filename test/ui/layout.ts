/**
 * Is every label on the canvas readable? Works on the boxes the editor rendered (test/ui/editor.ts, canvasBoxes):
 * no two text boxes of different nodes intersect, and no node's body lies over another node's text or body. Sticky
 * notes sit behind nodes by design, so their body covers nothing, but their text must not be covered either.
 */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface CanvasNodeBoxes {
	name: string;
	sticky: boolean;
	body: Box;
	texts: Array<{ text: string; box: Box }>;
}

export type CanvasBoxes = CanvasNodeBoxes[];

/** Touching edges and sub-pixel rounding are not an overlap. */
const EPSILON = 0.5;

export function intersects(a: Box, b: Box): boolean {
	return (
		Math.min(a.right, b.right) - Math.max(a.left, b.left) > EPSILON &&
		Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > EPSILON
	);
}

/** One line per overlap, naming both nodes and the text concerned; [] when every label is readable. */
export function layoutProblems(nodes: CanvasBoxes): string[] {
	const problems = new Set<string>();
	for (const [index, a] of nodes.entries()) {
		for (const b of nodes.slice(index + 1)) {
			for (const textA of a.texts) {
				for (const textB of b.texts) {
					if (intersects(textA.box, textB.box))
						problems.add(
							`"${a.name}" text "${textA.text}" overlaps "${b.name}" text "${textB.text}"`,
						);
				}
			}
			if (!a.sticky && !b.sticky && intersects(a.body, b.body))
				problems.add(`"${a.name}" and "${b.name}" overlap`);
		}
		if (a.sticky) continue;
		for (const b of nodes) {
			if (b === a) continue;
			for (const text of b.texts)
				if (intersects(a.body, text.box))
					problems.add(`"${a.name}" covers "${b.name}" text "${text.text}"`);
		}
	}
	return [...problems];
}

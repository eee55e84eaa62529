/**
 * How much garbage V8 lets pile up. After each full collection V8 lets the heap grow to up to 4× what survived before
 * it collects again, a good trade for a server with memory to spare. A run works through its items in batches whose
 * live data stays about the same size (the triggers' "Max Records per Poll", outputs cut down to what the summary
 * reads), so that headroom is what made a 10,000-hire run peak far above a 100-hire one while it held no more.
 * The runner lets the heap grow to 1.5× the survivors instead: more full collections (about 70 ms each at the ~50 MB
 * a run keeps alive, a few per cent of its time) for a peak that stays close to what the run holds.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 50;

/** Called first thing in `main`, before the heap holds anything: V8 reads the setting at each full collection. */
export function limitHeapGrowth() {
	setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Exit codes of the CLI: what a cron wrapper or CI step can act on. */
export const EXIT_SUCCESS = 0;
/** The run finished but some items failed (error items from continueOnFail, or a node error stopped the run). */
export const EXIT_ITEMS_FAILED = 1;
/** Nothing ran: invalid workflow, credentials, input or usage, or another run holds the lock. */
export const EXIT_INVALID = 2;

/** An error the user can fix from the message alone; printed as one line, without a stack trace. */
export class UserError extends Error {
	constructor(
		message: string,
		readonly exitCode = EXIT_INVALID,
	) {
		super(message);
	}
}

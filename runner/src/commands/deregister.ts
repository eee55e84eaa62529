/**
 * `ats-sync deregister <workflow>`: removes the webhooks and subscriptions serve registered for the workflow's
 * triggers (serve itself keeps them across restarts). Events already accepted stay in the inbox.
 */
import { EXIT_SUCCESS } from '../errors';
import type { Reporter } from '../report/reporter';
import { deregister, webhookTriggers } from '../serve/registration';
import type { SessionOptions } from '../session';
import { openSession } from '../session';

export async function deregisterCommand(
	options: SessionOptions,
	reporter: Reporter,
): Promise<number> {
	const session = await openSession(options, reporter, { state: 'inbox' });
	try {
		await deregister(session, webhookTriggers(session), reporter);
		const pending = session.inbox!.counts().pending;
		if (pending > 0)
			reporter.note(
				`${pending} accepted event(s) still wait in ${session.inbox!.file}: the next "ats-sync serve" runs them`,
			);
		return EXIT_SUCCESS;
	} finally {
		await session.close();
	}
}

import { ImportError } from '../../../src/lib/io/bundle';

/** The refusal `run` throws: its English is `message`, its code `notice.code`. */
export function refusal(run: () => unknown): ImportError {
	try {
		run();
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error('nothing was refused');
}

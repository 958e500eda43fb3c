// Where the CLI writes: results on stdout, errors and progress on stderr. Tests pass their own.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';

export interface Io {
	out(text: string): void;
	err(text: string): void;
	/** True when stderr is a terminal: only then is a progress bar drawn. */
	interactive: boolean;
}

export const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
	interactive: Boolean(process.stderr.isTTY),
};

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals: boolean) {
	try {
		return parseArgs({ args, options, allowPositionals, strict: true, allowNegative: true });
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** A progress reporter that draws a bar on a terminal for long runs and stays silent otherwise. */
export function progress(io: Io, label: string): { update(done: number, total: number): void; stop(): void } {
	if (!io.interactive) return { update: () => undefined, stop: () => undefined };
	let bar: SingleBar | null = null;
	return {
		update(done, total) {
			if (total < 20) return;
			if (!bar) {
				bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
				bar.start(total, 0);
			}
			bar.update(done);
		},
		stop() {
			bar?.stop();
		},
	};
}

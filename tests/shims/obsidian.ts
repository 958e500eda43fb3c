// A small stand-in for the runtime part of the `obsidian` module (which ships typings only), enough
// for the adapters under test. Each class is checked against the real typings below.
import type * as Real from 'obsidian';

export class TAbstractFile {
	constructor(public path: string) {}
	get name(): string {
		return this.path.slice(this.path.lastIndexOf('/') + 1);
	}
}

export class TFile extends TAbstractFile {
	get basename(): string {
		return this.name.replace(/\.[^.]*$/, '');
	}
	get extension(): string {
		const dot = this.name.lastIndexOf('.');
		return dot < 0 ? '' : this.name.slice(dot + 1);
	}
}

export class TFolder extends TAbstractFile {}

export function normalizePath(path: string): string {
	const cleaned = path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '').replace(/\u00a0|\u202f/g, ' ');
	return cleaned === '' ? '/' : cleaned.normalize('NFC');
}

export function debounce<T extends unknown[]>(fn: (...args: T) => unknown, wait = 0): ((...args: T) => void) & { cancel(): void } {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const run = (...args: T) => {
		clearTimeout(timer);
		timer = setTimeout(() => fn(...args), wait);
	};
	return Object.assign(run, { cancel: () => clearTimeout(timer) });
}

// Compile-time checks: the stand-ins must keep the signatures the adapters rely on.
const checkNormalize: typeof Real.normalizePath = normalizePath;
void checkNormalize;

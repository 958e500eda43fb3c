import { existsSync } from 'node:fs';
import { linkVault, unlinkVault } from '../../core/pipeline';
import { FileSystemStore } from '../fs-store';
import { parseCommandArgs, progress, UsageError, type Io } from '../io';
import { loadVaultSettings } from '../settings';

function vaultOf(values: { vault?: string }): string {
	if (!values.vault) throw new UsageError('--vault <dir> is required');
	if (!existsSync(values.vault)) throw new UsageError(`${values.vault}: no such vault folder`);
	return values.vault;
}

export async function runLink(args: string[], io: Io): Promise<number> {
	const { values } = parseCommandArgs(args, { vault: { type: 'string' }, 'config-dir': { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, false);
	const vault = vaultOf(values);
	const bar = progress(io, 'Linking');
	const result = await linkVault(new FileSystemStore(vault, values['config-dir']), await loadVaultSettings(vault, values['config-dir']), { dryRun: values['dry-run'], onProgress: (done, total) => bar.update(done, total) });
	bar.stop();
	if (values.json) io.out(JSON.stringify(result) + '\n');
	else {
		const verb = values['dry-run'] ? 'would add' : 'added';
		for (const note of result.notes) io.out(`${String(note.added).padStart(4)}  ${note.path}\n`);
		io.out(`${verb} ${result.added} link(s) in ${result.notes.length} note(s).\n`);
	}
	return 0;
}

export async function runUnlink(args: string[], io: Io): Promise<number> {
	const { values } = parseCommandArgs(args, { vault: { type: 'string' }, json: { type: 'boolean' } }, false);
	const vault = vaultOf(values);
	const result = await unlinkVault(new FileSystemStore(vault));
	if (values.json) io.out(JSON.stringify(result) + '\n');
	else {
		for (const note of result.notes) io.out(`${String(note.removed).padStart(4)}  ${note.path}\n`);
		io.out(`removed ${result.removed} link(s) from ${result.notes.length} note(s).\n`);
	}
	return 0;
}

import { existsSync } from 'node:fs';
import { buildMessagesModel } from '../../core/pipeline';
import { formatMessagesText } from '../../core/messages';
import { FileSystemStore } from '../fs-store';
import { parseCommandArgs, UsageError, type Io } from '../io';
import { loadVaultSettings } from '../settings';

export async function runMessages(args: string[], io: Io): Promise<number> {
	const { values } = parseCommandArgs(args, { vault: { type: 'string' }, 'config-dir': { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' } }, false);
	if (!values.vault) throw new UsageError('--vault <dir> is required');
	if (!existsSync(values.vault)) throw new UsageError(`${values.vault}: no such vault folder`);
	const model = await buildMessagesModel(new FileSystemStore(values.vault, values['config-dir']), await loadVaultSettings(values.vault, values['config-dir']), { showAllMentions: values.all });
	io.out(values.json ? JSON.stringify(model) + '\n' : formatMessagesText(model));
	return 0;
}

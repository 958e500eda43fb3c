// The `envoy` command: parses the command line and hands over to one command module each.
import { COMMAND_HELP, MAIN_HELP } from './help';
import { processIo, UsageError, type Io } from './io';
import { runImport } from './commands/import';
import { runLink, runUnlink } from './commands/link';
import { runEntities } from './commands/entities';
import { runMessages } from './commands/messages';

declare const ENVOY_VERSION: string | undefined;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
	import: runImport,
	link: runLink,
	unlink: runUnlink,
	entities: runEntities,
	messages: runMessages,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '-h' || name === '--help' || name === 'help') {
		const topic = name === 'help' ? rest[0] : undefined;
		io.out(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
		return 0;
	}
	if (name === '-v' || name === '--version') {
		io.out(`${typeof ENVOY_VERSION === 'string' ? ENVOY_VERSION : 'dev'}\n`);
		return 0;
	}
	const command = COMMANDS[name];
	if (!command) {
		io.err(`envoy: unknown command '${name}'\n\n${MAIN_HELP}`);
		return 2;
	}
	if (rest.includes('-h') || rest.includes('--help')) {
		io.out(COMMAND_HELP[name]);
		return 0;
	}
	try {
		return await command(rest, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.err(`envoy ${name}: ${error.message}\nRun 'envoy ${name} --help' for usage.\n`);
			return 2;
		}
		io.err(`envoy ${name}: ${(error as Error).message}\n`);
		return 1;
	}
}

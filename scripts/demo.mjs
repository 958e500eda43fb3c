// `npm run demo`: imports the bundled sample articles into demo-vault/ and installs the plugin there.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../dist/cli.mjs';

const vault = 'demo-vault';
const pluginDir = join(vault, '.obsidian', 'plugins', 'envoy');
mkdirSync(pluginDir, { recursive: true });
for (const file of ['main.js', 'manifest.json', 'styles.css']) cpSync(file, join(pluginDir, file));
const enabled = join(vault, '.obsidian', 'community-plugins.json');
const plugins = existsSync(enabled) ? JSON.parse(readFileSync(enabled, 'utf8')) : [];
if (!plugins.includes('envoy')) writeFileSync(enabled, JSON.stringify([...plugins, 'envoy'], null, 2));
process.stdout.write(`Installed the Envoy plugin in ${pluginDir}/ (main.js, manifest.json, styles.css) and enabled it.\n\n`);

process.stdout.write(`Importing samples/raw/ into ${vault}/:\n`);
const status = await main(['import', 'samples/raw', '--vault', vault]);

process.stdout.write(`\nMessages to capitals found in ${vault}/:\n`);
await main(['messages', '--vault', vault]);
process.stdout.write(`\nOpen ${vault}/ as a vault in Obsidian (Open folder as vault), trust the plugin, then run "Envoy: Open messages to capitals".\n`);
process.exitCode = status === 2 ? 2 : 0;

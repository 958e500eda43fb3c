// The settings tab, described once as data: Obsidian 1.13+ renders it declaratively (and finds it in
// settings search); older versions get the same rows built by display().
import { PluginSettingTab, Setting, type App, type Plugin, type SettingDefinitionItem } from 'obsidian';
import type { EnvoySettings } from '../core/pipeline/settings';

export interface SettingsHost extends Plugin {
	settings: EnvoySettings;
	saveSettings(): Promise<void>;
}

type Key = keyof EnvoySettings;

interface Field {
	key: Key;
	name: string;
	desc: string;
	control: 'folder' | 'toggle' | 'dropdown' | 'textarea';
	options?: Record<string, string>;
}

const SECTIONS: { heading: string; fields: Field[] }[] = [
	{
		heading: 'Folders',
		fields: [
			{ key: 'sourcesFolder', name: 'Sources folder', desc: 'Vault folder holding raw .txt articles to import.', control: 'folder' },
			{ key: 'articlesFolder', name: 'Articles folder', desc: 'Where imported article notes are written.', control: 'folder' },
			{
				key: 'entitiesFolder',
				name: 'Entities folder',
				desc: 'Where notes for people, capitals, countries, organisations and concepts live. These notes are the dictionary: edit their aliases freely.',
				control: 'folder',
			},
			{ key: 'groupEntitiesByType', name: 'One sub-folder per entity type', desc: 'People, capitals, countries, organisations, events and concepts each get a sub-folder.', control: 'toggle' },
		],
	},
	{
		heading: 'Links',
		fields: [
			{ key: 'linkAfterImport', name: 'Link after import', desc: 'Insert entity links into notes as soon as they are imported.', control: 'toggle' },
			{
				key: 'linkScope',
				name: 'How many links',
				desc: 'Link the first mention of each entity per note, per paragraph (the messages view reads paragraph links), or every mention.',
				control: 'dropdown',
				options: { note: 'First mention per note', paragraph: 'First mention per paragraph', every: 'Every mention' },
			},
			{ key: 'linkHeadings', name: 'Link inside headings', desc: 'Also link entity names that appear in headings.', control: 'toggle' },
			{
				key: 'ignore',
				name: 'Ignore list',
				desc: 'Names never to treat as entities or link, one per line. A single entity note can also opt out with "envoy: ignore" in its properties.',
				control: 'textarea',
			},
		],
	},
];

export class EnvoySettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: SettingsHost,
	) {
		super(app, host);
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		return SECTIONS.map((section) => ({
			type: 'group' as const,
			heading: section.heading,
			items: section.fields.map((field) => ({
				name: field.name,
				desc: field.desc,
				control:
					field.control === 'dropdown'
						? { type: 'dropdown' as const, key: field.key, options: field.options ?? {} }
						: field.control === 'folder'
							? { type: 'folder' as const, key: field.key }
							: field.control === 'textarea'
								? { type: 'textarea' as const, key: field.key, rows: 4 }
								: { type: 'toggle' as const, key: field.key },
			})),
		}));
	}

	override getControlValue(key: string): unknown {
		const value = this.host.settings[key as Key];
		return Array.isArray(value) ? value.join('\n') : value;
	}

	override async setControlValue(key: string, value: unknown): Promise<void> {
		applyValue(this.host.settings, key as Key, value);
		await this.host.saveSettings();
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const set = (key: Key, value: unknown) => void this.setControlValue(key, value);
		for (const section of SECTIONS) {
			new Setting(containerEl).setName(section.heading).setHeading();
			for (const field of section.fields) {
				const row = new Setting(containerEl).setName(field.name).setDesc(field.desc);
				const current = this.getControlValue(field.key);
				if (field.control === 'toggle') row.addToggle((t) => t.setValue(current === true).onChange((v) => set(field.key, v)));
				else if (field.control === 'dropdown') row.addDropdown((d) => d.addOptions(field.options ?? {}).setValue(String(current)).onChange((v) => set(field.key, v)));
				else if (field.control === 'textarea') row.addTextArea((t) => t.setValue(String(current)).onChange((v) => set(field.key, v)));
				else row.addText((t) => t.setValue(String(current)).onChange((v) => set(field.key, v)));
			}
		}
	}
}

/** Writes one edited value into the settings, ignoring values of the wrong shape (an empty folder, say). */
export function applyValue(settings: EnvoySettings, key: Key, value: unknown): void {
	switch (key) {
		case 'sourcesFolder':
		case 'articlesFolder':
		case 'entitiesFolder':
			if (typeof value === 'string' && value.trim()) settings[key] = value.trim().replace(/^\/+|\/+$/g, '');
			break;
		case 'groupEntitiesByType':
		case 'linkAfterImport':
		case 'linkHeadings':
			if (typeof value === 'boolean') settings[key] = value;
			break;
		case 'linkScope':
			if (value === 'note' || value === 'paragraph' || value === 'every') settings.linkScope = value;
			break;
		case 'ignore':
			if (typeof value === 'string') settings.ignore = value.split('\n').map((x) => x.trim()).filter(Boolean);
			break;
	}
}

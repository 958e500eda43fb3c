import { PluginSettingTab, Setting, type App, type Plugin } from 'obsidian';
import type { EnvoySettings, LinkScope } from '../core/pipeline/settings';

export interface SettingsHost extends Plugin {
	settings: EnvoySettings;
	saveSettings(): Promise<void>;
}

export class EnvoySettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: SettingsHost,
	) {
		super(app, host);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const s = this.host.settings;
		const save = () => void this.host.saveSettings();
		const folder = (name: string, desc: string, key: 'sourcesFolder' | 'articlesFolder' | 'entitiesFolder') =>
			new Setting(containerEl)
				.setName(name)
				.setDesc(desc)
				.addText((text) =>
					text.setValue(s[key]).onChange((value) => {
						if (value.trim()) {
							s[key] = value.trim();
							save();
						}
					}),
				);

		new Setting(containerEl).setName('Folders').setHeading();
		folder('Sources folder', 'Vault folder holding raw .txt articles to import.', 'sourcesFolder');
		folder('Articles folder', 'Where imported article notes are written.', 'articlesFolder');
		folder('Entities folder', 'Where notes for people, capitals, countries, organisations and concepts live. These notes are the dictionary: edit their aliases freely.', 'entitiesFolder');
		new Setting(containerEl)
			.setName('One sub-folder per entity type')
			.setDesc('People, capitals, countries, organisations, events and concepts each get a sub-folder.')
			.addToggle((t) => t.setValue(s.groupEntitiesByType).onChange((v) => ((s.groupEntitiesByType = v), save())));

		new Setting(containerEl).setName('Links').setHeading();
		new Setting(containerEl)
			.setName('Link after import')
			.setDesc('Insert entity links into notes as soon as they are imported.')
			.addToggle((t) => t.setValue(s.linkAfterImport).onChange((v) => ((s.linkAfterImport = v), save())));
		new Setting(containerEl)
			.setName('How many links')
			.setDesc('Link the first mention of each entity per note, per paragraph (the messages view reads paragraph links), or every mention.')
			.addDropdown((d) =>
				d
					.addOptions({ note: 'First mention per note', paragraph: 'First mention per paragraph', every: 'Every mention' })
					.setValue(s.linkScope)
					.onChange((v) => ((s.linkScope = v as LinkScope), save())),
			);
		new Setting(containerEl)
			.setName('Link inside headings')
			.addToggle((t) => t.setValue(s.linkHeadings).onChange((v) => ((s.linkHeadings = v), save())));
		new Setting(containerEl)
			.setName('Ignore list')
			.setDesc('Names never to treat as entities or link, one per line. A single note can also opt out with "envoy: ignore" in its properties.')
			.addTextArea((t) =>
				t.setValue(s.ignore.join('\n')).onChange((v) => {
					s.ignore = v.split('\n').map((x) => x.trim()).filter(Boolean);
					save();
				}),
			);
	}
}

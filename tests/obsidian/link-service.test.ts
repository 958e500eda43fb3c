// The plugin's link format follows Obsidian's own link writer, which follows "Use [[Wikilinks]]".
import { describe, expect, it } from 'vitest';
import type { App } from 'obsidian';
import { TFile } from '../shims/obsidian';
import { LinkService } from '../../src/obsidian/link-service';
import { DEFAULT_SETTINGS, type VaultStore } from '../../src/core/pipeline';

function appWith(files: string[], useMarkdownLinks: boolean): App {
	const fake = {
		vault: { getMarkdownFiles: () => files.map((p) => new TFile(p)) },
		fileManager: {
			generateMarkdownLink: (file: TFile) => (useMarkdownLinks ? `[${file.basename}](${encodeURI(file.path)})` : `[[${file.basename}]]`),
		},
	};
	return fake as unknown as App;
}

const service = (app: App): LinkService => new LinkService(app, () => ({}) as VaultStore, () => DEFAULT_SETTINGS);

describe('LinkService.linkFormat', () => {
	it("follows Obsidian's setting", () => {
		expect(service(appWith(['a.md'], false)).linkFormat()).toBe('wikilink');
		expect(service(appWith(['Notes/a b.md'], true)).linkFormat()).toBe('markdown');
	});

	it('an empty vault has nothing to link: wikilinks', () => {
		expect(service(appWith([], true)).linkFormat()).toBe('wikilink');
	});
});

// Help texts: every command answers --help with what it does, its options and an example.

export const MAIN_HELP = `envoy: turn raw foreign-policy article text into a linked Obsidian knowledge base

Usage: envoy <command> [options]

Commands:
  import <file|folder>...     Import .txt articles into a vault as clean notes, with entity notes and links
  link                        Add entity links across a vault
  unlink                      Remove exactly the links Envoy added, restoring the original text
  entities <file|folder>...   Dry run: show the entity mentions Envoy would find in raw files
  messages                    Show, for each capital, the passages that carry a message to it

Options:
  -h, --help                  Show help (also: envoy <command> --help)
  -v, --version               Show the version

Exit status: 0 all went well, 1 some inputs failed (each reported with its reason), 2 usage error.
`;

export const COMMAND_HELP: Record<string, string> = {
	import: `Usage: envoy import <file|folder>... --vault <dir> [options]

Imports raw .txt article files (folders are searched recursively) into the vault: one clean note per
article with metadata in frontmatter and block ids on paragraphs; republished copies are reported as
duplicates of one note; entity notes are created or updated and the new notes are linked.
Existing notes are never overwritten: an edited note is kept and the new version written beside it.

Options:
  --vault <dir>        The Obsidian vault folder (created if missing)
  --json               Print one JSON report on stdout:
                       {"notes":[{source,status,path,title,duplicateOf,reason}],"entities":[{name,path,type,aliases}]}
  --no-link            Do not link entities after the import
  --config-dir <name>  The vault's configuration folder, where the plugin's settings are read (default .obsidian)
  -h, --help           Show this help

Example:
  envoy import ~/Downloads/articles --vault ~/Vault --json
`,
	link: `Usage: envoy link --vault <dir> [--dry-run] [--json]

Adds links to entity notes in every note of the vault, in prose only (never inside code, math, links,
URLs, tags, comments or frontmatter). Linking twice changes nothing; 'envoy unlink' undoes it.
Links are [[wikilinks]], or Markdown links when the vault's app.json has Obsidian's
"Use [[Wikilinks]]" turned off (useMarkdownLinks).

Options:
  --vault <dir>        The Obsidian vault folder
  --dry-run            Report what would change without writing
  --json               Print {"notes":[{path,added}],"added":N,"failed":[…]} on stdout
  --config-dir <name>  The vault's configuration folder, where the plugin's settings and app.json are read (default .obsidian)
  -h, --help           Show this help

Example:
  envoy link --vault ~/Vault --dry-run
`,
	unlink: `Usage: envoy unlink --vault <dir> [--json]

Removes exactly the links Envoy added (recorded in <vault>/.envoy/links.json) and restores the original
text byte for byte; links you wrote yourself are left alone.

Options:
  --vault <dir>        The Obsidian vault folder
  --json               Print {"notes":[{path,removed}],"removed":N} on stdout
  -h, --help           Show this help

Example:
  envoy unlink --vault ~/Vault
`,
	entities: `Usage: envoy entities <file|folder>... [--json]

Dry run of entity discovery on raw .txt files: cleans each file as import would, discovers entities
across all the files, and lists every mention with UTF-16 offsets into the file's text as read.
Writes nothing.

Options:
  --json               Print {"files":[{source,mentions:[{start,end,surface,type,entity}],reason}]}
  -h, --help           Show this help

Example:
  envoy entities ~/Downloads/articles --json
`,
	messages: `Usage: envoy messages --vault <dir> [--json] [--all]

Builds the messages-to-capitals view from the vault's links: for each capital note, the passages that
carry a message to it, who sends it and where it comes from.

Options:
  --vault <dir>        The Obsidian vault folder
  --json               Print {"capitals":[{capital,note,messages:[{note,block,text,sender,cue,…}]}]}
  --all                Show every passage that mentions a capital, not only messages
  --config-dir <name>  The vault's configuration folder, where the plugin's settings are read (default .obsidian)
  -h, --help           Show this help

Example:
  envoy messages --vault ~/Vault
`,
};

// Crude HTML → text, for the odd saved web page among text dumps. Not a parser: it keeps the words
// and the block breaks, which is all the text extractor downstream relies on.

const HTML_EXTENSION = /\.(?:x?html?|shtml)$/i;
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

export function looksLikeHtml(text: string, name: string): boolean {
	const head = text.slice(0, 4096);
	if (HTML_START.test(head)) return true;
	return HTML_EXTENSION.test(name) && /<\/?(?:p|div|br|body|span|a|h[1-6])[\s>/]/i.test(text);
}

/** A charset named by a `<meta>` in the first bytes, when this platform's TextDecoder knows it. */
export function sniffHtmlCharset(sample: Uint8Array): string | null {
	const head = new TextDecoder('windows-1252').decode(sample.subarray(0, 2048));
	const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
	if (!match) return null;
	const label = match[1].toLowerCase();
	// Bytes that failed strict UTF-8 are not UTF-8 whatever the page claims.
	if (label === 'utf-8' || label === 'utf8') return null;
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return null;
	}
}

const DROPPED = /<(script|style|noscript|template|svg|iframe|object|head|select|button|canvas)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const PARAGRAPH_TAGS = 'p|div|section|article|header|footer|main|aside|nav|blockquote|pre|table|figure|figcaption|form|fieldset|address|details|summary|h[1-6]|ul|ol|dl|hr';
const LINE_TAGS = 'tr|dt|dd|caption|title';

const NAMED: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
	mdash: '—', ndash: '–', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
	laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°', euro: '€',
	pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷', shy: '',
	eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å',
	iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø',
	uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß', aelig: 'æ',
	Eacute: 'É', Aacute: 'Á', Oacute: 'Ó', Uacute: 'Ú', Ouml: 'Ö', Uuml: 'Ü', Auml: 'Ä', Ccedil: 'Ç', Ntilde: 'Ñ',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
		if (ref.startsWith('#')) {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
		}
		return NAMED[ref] ?? whole;
	});
}

export function htmlToText(html: string): string {
	let text = html
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(DROPPED, ' ')
		// Source line breaks inside HTML are just spaces; only tags make blocks.
		.replace(/\s+/g, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li\b[^>]*>/gi, '\n- ')
		.replace(new RegExp(`</?(?:${PARAGRAPH_TAGS})\\b[^>]*>`, 'gi'), '\n\n')
		.replace(new RegExp(`</?(?:${LINE_TAGS})\\b[^>]*>`, 'gi'), '\n')
		.replace(/<\/?[a-z][^>]*>|<![^>]*>|<\?[^>]*>/gi, '');
	text = decodeEntities(text);
	return text
		.split('\n')
		.map((line) => line.replace(/[ \t\f\u00a0]+/g, ' ').trim())
		.join('\n')
		.replace(/^- $/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

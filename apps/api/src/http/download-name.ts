/** The extension a download gets from the type detected in its bytes, never from the name it was uploaded with. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/rtf': 'rtf',
};
/** An OLE compound file is a legacy .doc or .xls: either name is honest, anything else is not. */
const OLE_EXTENSIONS = ['doc', 'xls'];

/**
 * Bidirectional overrides and isolates (U+202A–202E, U+2066–2069), marks (U+200E, U+200F, U+061C),
 * zero-width characters, C0/C1 controls and DEL: they make `hoadon‮fdp.exe` look like `hoadonexe.pdf`.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const NAME_MAX = 150;

/**
 * A name safe to offer in Content-Disposition: no invisible or direction-changing characters, no
 * path, at most 150 characters, and the extension of the detected type (`mimeType`).
 */
export function safeDownloadName(name: string | null, mimeType: string, fallback: string): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\\/]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  // Only a short alphanumeric tail is an extension to replace; `a.b_c` keeps its whole name.
  const dot = /\.[A-Za-z0-9]{1,5}$/.test(cleaned) ? cleaned.lastIndexOf('.') : -1;
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).trim() || fallback;
  const given = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const extension = EXTENSIONS[mimeType] ?? (mimeType === 'application/x-cfb' ? (OLE_EXTENSIONS.includes(given) ? given : 'doc') : 'bin');
  return `${[...stem].slice(0, NAME_MAX).join('')}.${extension}`;
}

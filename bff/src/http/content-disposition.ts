import { withoutBidiControls } from '@ecoo/shared/text/bidi';

/** RFC 5987 attr-char: what may stand unencoded in filename*; everything else is %-encoded UTF-8. */
const encodeAttrValue = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header per RFC 6266: the name in UTF-8 as filename*, which every current
 * browser reads, and an ASCII filename for older clients, with each run of other characters (and any
 * quote or backslash that would end or escape it) as one underscore.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const name = withoutBidiControls(fileName);
  const fallback = name.replace(/[^\x20-\x7e]+|["\\]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeAttrValue(name)}`;
}

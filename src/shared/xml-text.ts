/**
 * The text of an XML file from its bytes, in the encoding the file says it is in: a byte order mark (UTF-8,
 * UTF-16), else the `encoding` of its `<?xml …?>` declaration, else UTF-8 (XML's default).
 * FileZilla writes UTF-8, but a sitemanager.xml re-saved by another tool may be GBK (`encoding="GBK"`) or UTF-16
 * (PowerShell 5's Out-File): read as UTF-8, every Chinese name would be saved garbled, or the file refused as not XML.
 * Shared: the CLI reads a file's bytes, the window a chosen File's.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  return new TextDecoder(xmlEncoding(bytes)).decode(bytes);
}

/** The WHATWG encoding label to read `bytes` with (TextDecoder drops a BOM that matches it). */
function xmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The declaration is ASCII in every encoding that can declare itself this way; windows-1252 reads ASCII as is.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 256));
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  if (declared === undefined) return 'utf-8';
  try {
    // An encoding TextDecoder does not know (a typo, an exotic one): UTF-8, as before, rather than refuse the file.
    return new TextDecoder(declared).encoding;
  } catch {
    return 'utf-8';
  }
}

/** Pure helpers for the raw-frame view: sizes and a hex dump of binary frames sent as base64. */

/** Bytes encoded by a base64 string, computed without decoding it (frames may be megabytes). */
export function base64ByteLength(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** The first `maxBytes` bytes of a base64 string; decodes only the prefix it needs. */
export function decodeBase64Prefix(base64: string, maxBytes: number): Uint8Array {
  const clean = base64.replace(/\s+/g, '');
  const neededChars = Math.ceil(maxBytes / 3) * 4;
  const binary = atob(clean.slice(0, neededChars));
  const length = Math.min(maxBytes, binary.length);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `00000010  7b 22 61 22 3a 31 7d 0a  …  |{"a":1}.|`: offset, 16 bytes in hex, printable ASCII. */
export function hexDump(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = Array.from(row, (byte, index) => (index === 8 ? ' ' : '') + byte.toString(16).padStart(2, '0'));
    const ascii = Array.from(row, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.join(' ').padEnd(48)}  |${ascii}|`);
  }
  return lines;
}

/** UTF-8 size of a text frame: what went over the wire, which the string length is not. */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** 1536 -> "1.5 KiB"; also the size of the whole event log, hence GiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

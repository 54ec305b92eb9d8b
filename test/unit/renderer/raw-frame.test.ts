import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64Prefix, formatBytes, hexDump, utf8ByteLength } from '../../../src-renderer/src/lib/raw-frame';

describe('raw frame helpers', () => {
  const bytes = Buffer.from(Array.from({ length: 40 }, (_, index) => index * 7));
  const base64 = bytes.toString('base64');

  it('sizes base64 frames without decoding them', () => {
    for (const length of [0, 1, 2, 3, 4, 40]) expect(base64ByteLength(bytes.subarray(0, length).toString('base64'))).toBe(length);
  });

  it('decodes only the first bytes', () => {
    expect(Buffer.from(decodeBase64Prefix(base64, 5))).toEqual(bytes.subarray(0, 5));
    expect(decodeBase64Prefix(base64, 1000)).toHaveLength(40);
  });

  it('dumps offset, hex and printable ASCII', () => {
    const lines = hexDump(new TextEncoder().encode('{"state":"ringing"}\n'));
    expect(lines).toEqual([
      '00000000  7b 22 73 74 61 74 65 22  3a 22 72 69 6e 67 69 6e  |{"state":"ringin|',
      '00000010  67 22 7d 0a                                       |g"}.|',
    ]);
  });

  it('counts UTF-8 bytes and formats sizes', () => {
    expect(utf8ByteLength('é€')).toBe(5);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1.0 MiB');
    expect(formatBytes(3.5 * 1024 ** 3)).toBe('3.5 GiB');
  });
});

/**
 * UTF-16 text with a byte order mark, as Windows PowerShell 5's `>` writes
 * `terraform show -json` output, re-encoded as UTF-8 so the rest of the
 * loader reads it like any plan. Without a BOM, UTF-16 is not guessed.
 */

export const UTF16_WARNING =
  "the file is UTF-16 encoded (as Windows PowerShell's `>` writes it) and was converted to UTF-8 to read it; write UTF-8 to skip the conversion, e.g. `terraform show -json tfplan | Out-File -Encoding utf8 plan.json`";

/** The UTF-8 bytes of a UTF-16 text with a BOM, or undefined when the bytes do not start with one. */
export function utf16ToUtf8(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 2) return undefined;
  let littleEndian: Buffer;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) littleEndian = bytes.subarray(2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swap each pair into a copy (an odd trailing byte is dropped, as a decoder would).
    littleEndian = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    littleEndian.swap16();
  } else return undefined;
  return Buffer.from(littleEndian.toString("utf16le"), "utf8");
}

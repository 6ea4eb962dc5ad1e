const MAX_NAME_LENGTH = 255;

/**
 * The uploaded name as it will be shown and offered on download: the last path segment only (a
 * browser may send `C:\…\申请书.pdf`), without control characters or the bidirectional overrides
 * that make `exe.pdf` look like `fdp.exe`, and no longer than the column allows. Chinese stays.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\ud800-\udfff]/g, (char, index: number, text: string) => {
      // Keep surrogate pairs (emoji), drop lone halves.
      const code = char.charCodeAt(0);
      const isHigh = code < 0xdc00;
      const partner = text.charCodeAt(isHigh ? index + 1 : index - 1);
      const isPaired = isHigh ? partner >= 0xdc00 && partner <= 0xdfff : partner >= 0xd800 && partner < 0xdc00;
      return isPaired ? char : '';
    })
    .trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? '未命名文件' : cleaned;
  return [...name].slice(0, MAX_NAME_LENGTH).join('');
}

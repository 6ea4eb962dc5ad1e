import { pinyin } from 'pinyin-pro';

/** Lower-case Latin letters and digits only: what a citizen types on a phone keyboard. */
const latin = (parts: string[]) =>
  parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The name as a citizen may type it without a Chinese input method: initials (食品经营许可 →
 * spjyxk) and full pinyin without tones (shipinjingyingxuke). Polyphonic characters are read in
 * context by pinyin-pro's word list (重庆 → chongqing).
 */
export function namePinyin(name: string): { initials: string; full: string } {
  // ü is typed v on every pinyin keyboard (旅 → lv).
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  return {
    initials: latin(pinyin(name, { ...options, pattern: 'first' })),
    full: latin(pinyin(name, options)),
  };
}

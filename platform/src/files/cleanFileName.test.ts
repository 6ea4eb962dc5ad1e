import { describe, expect, it } from 'vitest';
import { cleanFileName } from './cleanFileName';
import { contentDisposition } from './contentDisposition';

describe('cleanFileName', () => {
  it('keeps Chinese names and drops the path a browser or a forger sends', () => {
    expect(cleanFileName('营业执照副本.pdf')).toBe('营业执照副本.pdf');
    expect(cleanFileName('C:\\Users\\张三\\Desktop\\申请书.pdf')).toBe('申请书.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..')).toBe('未命名文件');
    expect(cleanFileName('')).toBe('未命名文件');
    expect(cleanFileName(undefined)).toBe('未命名文件');
  });

  it('removes control characters and the overrides that disguise an extension', () => {
    // "身份证\u202Efdp.exe" displays as "身份证exe.pdf".
    expect(cleanFileName('身份证\u202efdp.exe')).toBe('身份证fdp.exe');
    expect(cleanFileName('a\u0000b\r\nc.pdf')).toBe('abc.pdf');
    expect(cleanFileName('\ufeff 申请书.pdf ')).toBe('申请书.pdf');
    expect(cleanFileName('lone\ud800half.pdf')).toBe('lonehalf.pdf');
    expect(cleanFileName('照片😀.png')).toBe('照片😀.png');
  });

  it('cuts long names to 255 characters', () => {
    expect([...cleanFileName(`${'很'.repeat(300)}.pdf`)]).toHaveLength(255);
  });
});

describe('contentDisposition', () => {
  it('offers the real name as RFC 5987 filename* and an ASCII stand-in', () => {
    const header = contentDisposition('营业执照 "副本" (1).pdf');
    expect(header).toBe(
      `attachment; filename="____ ____ (1).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%22%E5%89%AF%E6%9C%AC%22%20%281%29.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? '')).toBe('营业执照 "副本" (1).pdf');
    expect(header.split('filename=')[1]).toMatch(/^"[\x20-\x7e]*"; /);
  });
});

import { describe, expect, it } from 'vitest';
import { craftZipBomb } from '../../../../tests/support/craftZipBomb';
import { inspectZip } from './inspectZip';
import { writeCatalogXlsx } from './writeCatalogXlsx';
import { readCatalogXlsx } from './readCatalogXlsx';

describe('inspectZip', () => {
  it('passes a workbook we wrote', async () => {
    expect(await inspectZip(await writeCatalogXlsx({ documents: [] }))).toBeUndefined();
  });

  it('counts what an entry really inflates to, not what the directory declares', async () => {
    const bomb = await craftZipBomb({ inflatedBytes: 5 * 1024 * 1024, declaredBytes: 1000 });
    expect(await inspectZip(bomb)).toBe('文件已损坏：zip 条目的实际大小与目录不符');
    await expect(readCatalogXlsx({ bytes: bomb })).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      details: { reason: 'notXlsx' },
    });
  });

  it('stops at the archive budget even when the declared sizes are honest', async () => {
    const honest = await craftZipBomb({ inflatedBytes: 3 * 1024 * 1024, declaredBytes: 3 * 1024 * 1024 });
    expect(await inspectZip(honest, { maxUncompressedBytes: 4 * 1024 * 1024 })).toBeUndefined();
    expect(await inspectZip(honest, { maxUncompressedBytes: 1024 * 1024 })).toMatch(/^文件解压后过大/);
  });

  it('refuses other compression methods and entries pointing outside the file', async () => {
    const bomb = await craftZipBomb({ inflatedBytes: 1000 });
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const bzip2 = Buffer.from(bomb);
    bzip2.writeUInt16LE(12, central + 10);
    expect(await inspectZip(bzip2)).toBe('文件使用了不支持的压缩方式');
    const outside = Buffer.from(bomb);
    outside.writeUInt32LE(bomb.length, central + 20);
    expect(await inspectZip(outside)).toBe('文件已损坏：zip 条目越界');
  });

  it('refuses a stream that is not deflate data', async () => {
    const bomb = await craftZipBomb({ inflatedBytes: 100_000 });
    const broken = Buffer.from(bomb);
    broken.fill(0xff, 30 + 'xl/workbook.xml'.length, 30 + 'xl/workbook.xml'.length + 8);
    expect(await inspectZip(broken)).toBe('文件已损坏：zip 条目无法解压');
  });
});

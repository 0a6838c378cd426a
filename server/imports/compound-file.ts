import { open } from 'node:fs/promises';
import { notFeedbackFile } from './errors.ts';
import { otherSpreadsheet, workbookProtected } from './xlsx/refusals.ts';

const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const streamName = (name: string): Buffer => Buffer.from(name, 'utf16le');

/**
 * Office 97–2003 files and password-protected workbooks are compound files (not zip archives): an
 * encrypted .xlsx is an `EncryptedPackage` stream inside one, an .xls has a `Workbook` stream. Reads
 * the directory's first sector to tell them apart, and refuses both with what they are.
 */
export async function refuseCompoundFile(path: string, start: Buffer, fileName: string): Promise<void> {
  if (start.length < 512 || !start.subarray(0, 8).equals(COMPOUND_FILE)) return;
  const sectorSize = 2 ** start.readUInt16LE(0x1e);
  const directory = Buffer.alloc(sectorSize >= 512 && sectorSize <= 4096 ? sectorSize : 512);
  const handle = await open(path, 'r');
  try {
    await handle.read(directory, 0, directory.length, (start.readUInt32LE(0x30) + 1) * directory.length);
  } finally {
    await handle.close();
  }
  const holds = (name: string): boolean => directory.includes(streamName(name)) || start.includes(streamName(name));
  if (holds('EncryptedPackage') || holds('EncryptionInfo')) throw workbookProtected();
  if (holds('Workbook') || holds('Book')) throw otherSpreadsheet('xls');
  // Excel saves a password-protected .xlsx as a compound file too; any other is an old Office document.
  if (/\.xls[xm]$/i.test(fileName)) throw workbookProtected();
  throw notFeedbackFile({ reason: 'OFFICE_DOCUMENT' });
}

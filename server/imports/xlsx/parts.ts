import { notFeedbackFile } from '../errors.ts';
import type { ZipPackage } from './package.ts';
import { otherSpreadsheet, workbookDamaged } from './refusals.ts';
import { prefixedAttribute, readXmlPart } from './xml.ts';

/** Where the parts of the sheet to read are, and how its dates count. */
export interface WorkbookParts {
  sheet: string;
  sheetName: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

interface Relationship {
  type: string;
  target: string;
}

/** A relationship's target resolved against the part that holds it (`/x` is from the package root). */
export function resolvePart(source: string, target: string): string {
  const normal = target.replace(/\\/g, '/');
  const segments = normal.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of normal.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), by id. */
async function relationships(pkg: ZipPackage, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const found = new Map<string, Relationship>();
  if (!pkg.has(rels)) return found;
  await readXmlPart(pkg, rels, {
    open(name, attributes) {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = attributes;
      if (name === 'Relationship' && id && type && target && mode !== 'External')
        found.set(id, { type, target: resolvePart(part, target) });
    },
    close() {},
    text() {},
  });
  return found;
}

/** Relationship types end the same way in transitional and strict (ISO) workbooks. */
const ofType = (relationship: Relationship, kind: string): boolean => relationship.type.endsWith(`/${kind}`);

async function mainPart(pkg: ZipPackage): Promise<string> {
  for (const relationship of (await relationships(pkg, '')).values())
    if (ofType(relationship, 'officeDocument')) return relationship.target;
  return 'xl/workbook.xml';
}

/**
 * Finds the workbook and the sheet a feedback import reads: the first visible worksheet (a hidden
 * sheet or a chart is not what a person sees on opening the file), else the first worksheet.
 */
export async function locateWorkbook(pkg: ZipPackage): Promise<WorkbookParts> {
  if (pkg.has('content.xml') && pkg.has('mimetype')) throw otherSpreadsheet('ods');
  const workbook = await mainPart(pkg);
  if (/\.bin$/i.test(workbook) || pkg.has('xl/workbook.bin')) throw otherSpreadsheet('xlsb');
  if (!pkg.has(workbook)) throw notFeedbackFile({ reason: 'ZIP_NOT_WORKBOOK' });

  let date1904 = false;
  const sheets: { name: string; id: string; visible: boolean }[] = [];
  await readXmlPart(pkg, workbook, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes['date1904'] ?? '');
      else if (name === 'sheet') {
        const id = prefixedAttribute(attributes, 'id') ?? attributes['id'] ?? '';
        sheets.push({ name: attributes['name'] ?? '', id, visible: (attributes['state'] ?? 'visible') === 'visible' });
      }
    },
    close() {},
    text() {},
  });

  const related = await relationships(pkg, workbook);
  const worksheets = sheets.filter((sheet) => {
    const relationship = related.get(sheet.id);
    return relationship !== undefined && ofType(relationship, 'worksheet');
  });
  const chosen = worksheets.find((sheet) => sheet.visible) ?? worksheets[0];
  if (!chosen) throw notFeedbackFile({ reason: 'NO_WORKSHEET' });
  const sheet = related.get(chosen.id)?.target ?? '';
  if (!pkg.has(sheet)) throw workbookDamaged(`the worksheet "${chosen.name}" is missing from the file`);
  const partOf = (kind: string): string | null => {
    for (const relationship of related.values())
      if (ofType(relationship, kind) && pkg.has(relationship.target)) return relationship.target;
    return null;
  };
  return { sheet, sheetName: chosen.name, sharedStrings: partOf('sharedStrings'), styles: partOf('styles'), date1904 };
}

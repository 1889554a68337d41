/**
 * The small parts of an export's workbook around its sheets: content types, relationships, the
 * workbook, document properties and styles. They are the bytes exceljs's streaming writer wrote
 * (test/server/exchange/xlsx-writer.test.ts compares them), so offices open the file as before.
 */
import { THEME_XML } from './xlsx-theme';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TYPE = 'application/vnd.openxmlformats-officedocument';

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for XML content or an attribute, as exceljs encodes it: the five special characters as
 * entities, and the control characters XML 1.0 cannot hold (and DEL) left out.
 */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? '');
}

/** The part name of the n-th sheet (from 1). */
export const sheetPath = (n: number) => `xl/worksheets/sheet${n}.xml`;

const contentTypes = (sheets: number) => `${DECLARATION}\n<Types xmlns="${PACKAGE}/content-types">`
  + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`
  + `<Default Extension="xml" ContentType="application/xml"/>`
  + `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/>`
  + Array.from({ length: sheets }, (_, i) => `<Override PartName="/${sheetPath(i + 1)}" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/>`).join('')
  + `<Override PartName="/xl/theme/theme1.xml" ContentType="${TYPE}.theme+xml"/>`
  + `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/>`
  + `<Default Extension="vml" ContentType="${TYPE}.vmlDrawing"/>`
  + `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`
  + `<Override PartName="/docProps/app.xml" ContentType="${TYPE}.extended-properties+xml"/></Types>`;

const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

const packageRels = `${DECLARATION}\n<Relationships xmlns="${PACKAGE}/relationships">`
  + relationship('rId1', `${OFFICE}/relationships/officeDocument`, 'xl/workbook.xml')
  + relationship('rId2', `${PACKAGE}/relationships/metadata/core-properties`, 'docProps/core.xml')
  + relationship('rId3', `${OFFICE}/relationships/extended-properties`, 'docProps/app.xml')
  + '</Relationships>';

const workbookRels = (sheets: number) => `${DECLARATION}\n<Relationships xmlns="${PACKAGE}/relationships">`
  + relationship('rId1', `${OFFICE}/relationships/styles`, 'styles.xml')
  + relationship('rId2', `${OFFICE}/relationships/theme`, 'theme/theme1.xml')
  + Array.from({ length: sheets }, (_, i) => relationship(`rId${i + 3}`, `${OFFICE}/relationships/worksheet`, `worksheets/sheet${i + 1}.xml`)).join('')
  + '</Relationships>';

const workbook = (names: readonly string[]) => `${DECLARATION}\n<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}/relationships"`
  + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"'
  + ' xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
  + '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>'
  + names.map((name, i) => `<sheet sheetId="${i + 1}" name="${xmlText(name)}" state="visible" r:id="rId${i + 3}"/>`).join('')
  + '</sheets><calcPr calcId="171027"/></workbook>';

const app = (names: readonly string[]) => `${DECLARATION}\n<Properties xmlns="${OFFICE}/extended-properties" xmlns:vt="${OFFICE}/docPropsVTypes">`
  + '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
  + `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`
  + `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>`
  + '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';

const core = (author: string, at: Date) => {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${DECLARATION}\n<cp:coreProperties xmlns:cp="${PACKAGE}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"`
    + ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:creator>${xmlText(author)}</dc:creator><cp:lastModifiedBy>${xmlText(author)}</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
};

/** Style ids of the cells: 0 plain, the header's bold on grey, a date shown `yyyy-mm-dd`. */
export const STYLE = { plain: 0, header: 1, date: 2 } as const;

/**
 * xl/styles.xml: the cell styles above. As exceljs did, the date style and its number format are
 * there only when some cell used them, so this part is written after the sheets.
 */
export function stylesXml(dates: boolean): string {
  return `${DECLARATION}\n<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2"`
    + ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">'
    + (dates ? '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' : '')
    + '<fonts count="2" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>'
    + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    + '<fill><patternFill patternType="solid"><fgColor rgb="FFEFEFEF"/></patternFill></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${dates ? 3 : 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
    + '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    + (dates ? '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' : '')
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>'
    + '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
    + '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    + '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}"'
    + ' xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>';
}

/** Every part but the sheets and their styles, path and text, for a workbook of sheets named `names` written by `author` at `at`. */
export function workbookParts(names: readonly string[], author: string, at: Date): [string, string][] {
  return [
    ['[Content_Types].xml', contentTypes(names.length)],
    ['_rels/.rels', packageRels],
    ['docProps/app.xml', app(names)],
    ['docProps/core.xml', core(author, at)],
    ['xl/workbook.xml', workbook(names)],
    ['xl/_rels/workbook.xml.rels', workbookRels(names.length)],
    ['xl/theme/theme1.xml', THEME_XML],
  ];
}

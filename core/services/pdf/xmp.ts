/**
 * MotCua's own XMP properties (dossier, procedure, checklist item, page count, each page image's SHA-256) as
 * extra rdf:Description fragments for @cantoo/pdf-lib's convertToPDFA. PDF/A-1 (ISO 19005-1 6.7.8) accepts a
 * property outside the standard schemas only when the packet also describes its schema with the pdfaExtension
 * schema: without that description validators fail rule 7.x (as ocrmypdf's PDF/A-1 output did here).
 */

export const MOTCUA_XMP_NAMESPACE = 'urn:motcua-desk:ns:document:1.0#';
export const MOTCUA_XMP_PREFIX = 'motcua';

export interface MotcuaXmpValues {
  dossierCode?: string;
  procedure?: string;
  itemCode?: string;
  itemName?: string;
  agency?: string;
  pageCount: number;
  pageSha256: string[];
}

interface PropertySpec {
  name: keyof MotcuaXmpValues;
  valueType: 'Text' | 'Integer' | 'seq Text';
  description: string;
}

/** Every property the packet may carry, each described once in the extension schema (value types from XMP part 2). */
const PROPERTIES: readonly PropertySpec[] = [
  { name: 'dossierCode', valueType: 'Text', description: 'Dossier code (ma ho so) the document belongs to' },
  { name: 'procedure', valueType: 'Text', description: 'Administrative procedure of the dossier' },
  { name: 'itemCode', valueType: 'Text', description: 'Checklist item code of this document' },
  { name: 'itemName', valueType: 'Text', description: 'Checklist item name of this document' },
  { name: 'agency', valueType: 'Text', description: 'Agency that received the dossier' },
  { name: 'pageCount', valueType: 'Integer', description: 'Number of pages' },
  { name: 'pageSha256', valueType: 'seq Text', description: 'SHA-256 (hex) of each stored page image, in page order' },
];

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than breaking the packet.
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The pdfaExtension description of the MotCua schema (always the whole schema, whichever values are present). */
export function motcuaExtensionSchema(): string {
  const props = PROPERTIES.map(
    (p) =>
      '<rdf:li rdf:parseType="Resource">' +
      `<pdfaProperty:name>${p.name}</pdfaProperty:name>` +
      `<pdfaProperty:valueType>${p.valueType}</pdfaProperty:valueType>` +
      '<pdfaProperty:category>external</pdfaProperty:category>' +
      `<pdfaProperty:description>${escapeXml(p.description)}</pdfaProperty:description>` +
      '</rdf:li>',
  ).join('');
  return (
    '<rdf:Description rdf:about="" ' +
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" ' +
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" ' +
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">' +
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
    '<pdfaSchema:schema>MotCua Desk document</pdfaSchema:schema>' +
    `<pdfaSchema:namespaceURI>${MOTCUA_XMP_NAMESPACE}</pdfaSchema:namespaceURI>` +
    `<pdfaSchema:prefix>${MOTCUA_XMP_PREFIX}</pdfaSchema:prefix>` +
    `<pdfaSchema:property><rdf:Seq>${props}</rdf:Seq></pdfaSchema:property>` +
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>' +
    '</rdf:Description>'
  );
}

/** The values, one rdf:Description in the MotCua namespace; empty or absent text values are left out. */
export function motcuaDescription(v: MotcuaXmpValues): string {
  const p = MOTCUA_XMP_PREFIX;
  const parts: string[] = [];
  for (const spec of PROPERTIES) {
    const value = v[spec.name];
    if (spec.valueType === 'seq Text') {
      const items = (value as string[]).map((s) => `<rdf:li>${escapeXml(s)}</rdf:li>`).join('');
      parts.push(`<${p}:${spec.name}><rdf:Seq>${items}</rdf:Seq></${p}:${spec.name}>`);
    } else if (spec.valueType === 'Integer') {
      parts.push(`<${p}:${spec.name}>${Math.trunc(value as number)}</${p}:${spec.name}>`);
    } else if (typeof value === 'string' && value.trim() !== '') {
      parts.push(`<${p}:${spec.name}>${escapeXml(value.normalize('NFC'))}</${p}:${spec.name}>`);
    }
  }
  return `<rdf:Description rdf:about="" xmlns:${p}="${MOTCUA_XMP_NAMESPACE}">${parts.join('')}</rdf:Description>`;
}

/** Both fragments, as convertToPDFA({ extensions }) takes them. */
export function motcuaXmpExtensions(v: MotcuaXmpValues): string[] {
  return [motcuaExtensionSchema(), motcuaDescription(v)];
}

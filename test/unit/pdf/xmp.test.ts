/** The MotCua XMP fragments: every property written is described in the pdfaExtension schema (PDF/A-1 6.7.8). */
import { describe, expect, it } from 'vitest';
import { escapeXml, motcuaDescription, motcuaExtensionSchema, MOTCUA_XMP_NAMESPACE } from '../../../core/services/pdf/xmp';

describe('MotCua XMP', () => {
  const values = { dossierCode: 'H29-0001', procedure: 'Cấp <giấy> & "phép"', itemCode: 'DON', itemName: 'Đơn', agency: 'UBND', pageCount: 2, pageSha256: ['aa', 'bb'] };

  it('describes in the extension schema every property the description carries, with its namespace and prefix', () => {
    const description = motcuaDescription(values);
    const schema = motcuaExtensionSchema();
    const used = [...description.matchAll(/<motcua:(\w+)>/g)].map((m) => m[1]!);
    expect(used).toEqual(['dossierCode', 'procedure', 'itemCode', 'itemName', 'agency', 'pageCount', 'pageSha256']);
    for (const name of used) expect(schema).toContain(`<pdfaProperty:name>${name}</pdfaProperty:name>`);
    expect(schema).toContain(`<pdfaSchema:namespaceURI>${MOTCUA_XMP_NAMESPACE}</pdfaSchema:namespaceURI>`);
    expect(description).toContain(`xmlns:motcua="${MOTCUA_XMP_NAMESPACE}"`);
    expect(schema).toContain('<pdfaProperty:name>pageSha256</pdfaProperty:name><pdfaProperty:valueType>seq Text</pdfaProperty:valueType>');
  });

  it('escapes text, keeps the page hashes in order and leaves out absent values', () => {
    const d = motcuaDescription({ ...values, dossierCode: '', agency: undefined } as never);
    expect(d).toContain('<motcua:procedure>Cấp &lt;giấy&gt; &amp; &quot;phép&quot;</motcua:procedure>');
    expect(d).toContain('<motcua:pageSha256><rdf:Seq><rdf:li>aa</rdf:li><rdf:li>bb</rdf:li></rdf:Seq></motcua:pageSha256>');
    expect(d).not.toContain('dossierCode');
    expect(d).not.toContain('agency');
    expect(escapeXml('a\u0001b\u000bc')).toBe('abc');
  });

  it('writes text NFC', () => {
    expect(motcuaDescription({ ...values, itemName: 'Vi\u0065\u0323\u0302t' })).toContain('<motcua:itemName>Việt</motcua:itemName>');
  });
});

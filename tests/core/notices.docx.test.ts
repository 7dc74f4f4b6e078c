/**
 * @jest-environment jsdom
 *
 * The generated .docx opened again: unzipped with fflate, every XML part parsed (well-formed),
 * and the text read back from word/document.xml — one page per client, names as plain text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Lang } from '../../src/core/format';
import { bodyParagraphs, buildDocx, buildNotices, DEFAULT_TEMPLATES, documentXml, Notice, xmlEscape, xmlSafe } from '../../src/core/notices';
import { formatDay } from '../../src/core/format';
import { hostileGrid, LONG_NAME, samples } from './notices.samples';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DAY = 20455;

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
  return doc;
}

interface Para {
  text: string;
  pageBreak: boolean;
  bold: boolean;
}

/** Paragraphs of word/document.xml as text: <w:t> joined, <w:br/> as \n, <w:tab/> as \t. */
function readParagraphs(xml: string): Para[] {
  const doc = parse(xml);
  return Array.from(doc.getElementsByTagNameNS(W, 'p')).map((p) => {
    let text = '';
    const walk = (n: Node) => {
      for (const c of Array.from(n.childNodes)) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        if (el.namespaceURI === W && el.localName === 't') text += el.textContent ?? '';
        else if (el.namespaceURI === W && el.localName === 'br') text += '\n';
        else if (el.namespaceURI === W && el.localName === 'tab') text += '\t';
        else if (el.localName !== 'pPr' && el.localName !== 'rPr') walk(el);
      }
    };
    walk(p);
    return { text, pageBreak: p.getElementsByTagNameNS(W, 'pageBreakBefore').length > 0, bold: p.getElementsByTagNameNS(W, 'b').length > 0 };
  });
}

/** Split the paragraphs into pages at page breaks. */
function pages(paras: Para[]): Para[][] {
  const out: Para[][] = [];
  for (const p of paras) {
    if (p.pageBreak || out.length === 0) out.push([]);
    out[out.length - 1].push(p);
  }
  return out;
}

describe.each(['en', 'ru'] as Lang[])('the .docx of the %s notices', (lang) => {
  let notices: Notice[];
  let names: string[];
  beforeAll(async () => {
    const h = await hostileGrid(lang);
    names = h.names;
    const s = await samples(lang, h.grid);
    const set = { ...DEFAULT_TEMPLATES, company: lang === 'en' ? 'Northwind & <Print>' : 'Печатница «Бумага & Ко»', newManager: 'Desk "A"' };
    notices = [...buildNotices(s.base, set, { lang, day: DAY }), ...buildNotices(s.down, set, { lang, day: DAY }), ...buildNotices(s.steps, set, { lang, day: DAY, criteria: true })];
  });

  test('is a zip with the WordprocessingML parts, every XML part well-formed', () => {
    const bytes = buildDocx(notices, { lang });
    expect(bytes[0]).toBe(0x50); // 'PK'
    expect(bytes[1]).toBe(0x4b);
    const p = parts(bytes);
    expect(Object.keys(p).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
    for (const [name, xml] of Object.entries(p)) {
      expect(() => parse(xml)).not.toThrow();
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
      expect(name).toBeTruthy();
    }
    const types = parse(p['[Content_Types].xml']);
    const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName'));
    expect(overrides).toContain('/word/document.xml');
    // the package relationship points at the main document
    expect(p['_rels/.rels']).toContain('Target="word/document.xml"');
    expect(p['word/styles.xml']).toContain(`w:val="${lang === 'ru' ? 'ru-RU' : 'en-US'}"`);
    expect(parse(p['docProps/app.xml']).getElementsByTagName('Pages')[0].textContent).toBe(String(notices.length));
  });

  test('reads back as one page per letter: recipient and date, subject, then the body', () => {
    const xml = parts(buildDocx(notices, { lang }))['word/document.xml'];
    const pp = pages(readParagraphs(xml));
    expect(pp).toHaveLength(notices.length);
    expect(notices.length).toBeGreaterThan(20);
    pp.forEach((page, i) => {
      const n = notices[i];
      const [meta, subject, ...body] = page;
      expect(meta.text).toBe(`${n.client}${n.email ? ` · ${n.email}` : ''}\n${formatDay(DAY, lang)}`);
      expect(subject.text).toBe(n.subject);
      expect(subject.bold).toBe(true);
      expect(body.map((b) => b.text)).toEqual(bodyParagraphs(n.body));
      // nothing lost: the paragraphs give the body back (blank lines between them)
      expect(body.map((b) => b.text).join('\n\n')).toBe(n.body.trim());
    });
  });

  test('names with quotes, <, =, & and very long text are text, never markup', () => {
    const xml = parts(buildDocx(notices, { lang }))['word/document.xml'];
    const doc = parse(xml);
    // only WordprocessingML elements: no <script>, <b> or anything a name tried to smuggle in
    const tags = new Set(Array.from(doc.getElementsByTagName('*')).map((e) => e.tagName));
    expect([...tags].every((t) => t.startsWith('w:'))).toBe(true);
    const all = readParagraphs(xml).map((p) => p.text).join('\n');
    for (const name of names) expect(all).toContain(name);
    expect(all).toContain(LONG_NAME);
    expect(all).toContain('<script>alert("x")</script>');
    expect(all).toContain(lang === 'en' ? 'Northwind & <Print>' : 'Печатница «Бумага & Ко»');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  test('the same letters give the same bytes', () => {
    expect(Buffer.from(buildDocx(notices, { lang })).equals(Buffer.from(buildDocx(notices, { lang })))).toBe(true);
  });
});

describe('docx details', () => {
  test('control characters and lone surrogates are dropped; tabs and line breaks kept', () => {
    const xml = documentXml([{ subject: 'Bell\u0007 subject\nnext', body: 'a\tb\nc\u0000d \uD800x 😀\r\n\r\nsecond' }], { lang: 'en' });
    const paras = readParagraphs(xml);
    expect(paras.map((p) => p.text)).toEqual(['Bell subject next', 'a\tb\ncd x 😀', 'second']);
    expect(xmlSafe('ok\u000B\uFFFE\uDC00')).toBe('ok');
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  test('an empty list still makes a valid document; page size follows the language', () => {
    const en = parts(buildDocx([], { lang: 'en' }));
    expect(readParagraphs(en['word/document.xml'])).toEqual([{ text: '', pageBreak: false, bold: false }]);
    expect(en['word/document.xml']).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    expect(parts(buildDocx([], { lang: 'ru' }))['word/document.xml']).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  test('a letter without recipient puts the page break on its subject', () => {
    const xml = documentXml(
      [
        { subject: 'One', body: 'x' },
        { subject: 'Two', body: 'y' },
      ],
      { lang: 'en' },
    );
    const paras = readParagraphs(xml);
    expect(paras.map((p) => [p.text, p.pageBreak])).toEqual([
      ['One', false],
      ['x', false],
      ['Two', true],
      ['y', false],
    ]);
  });

  test('title and date in docProps/core.xml', () => {
    const core = parts(buildDocx([{ subject: 's', body: 'b', day: DAY }], { lang: 'ru', title: 'Письма <клиентам>' }))['docProps/core.xml'];
    expect(core).toContain('<dc:title>Письма &lt;клиентам&gt;</dc:title>');
    expect(core).toContain('2026-01-02T00:00:00Z');
  });
});

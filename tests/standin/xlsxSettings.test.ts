/**
 * What Excel keeps with a document and the workbench's Save must keep too (issue 12): the
 * add-in's settings (rules, notice templates, the undo record — JSON text of any size and any
 * characters) in the web-extension part, and the dashboard's pictures with their names and alt
 * text. Written by modelToXlsx, read back by modelFromXlsx; the part is also checked as Excel
 * reads it: our add-in's id on the reference, one <we:property> per setting.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { createStandIn, WorkbookModel } from '../../src/workbench/standin';
import { ADDIN_ID, modelFromXlsx, modelToXlsx, settingsFromWebExtension, webExtensionXml } from '../../src/workbench/standin/xlsxModel';
import { modelFromGrid } from '../../src/workbench/standin/model';
import { saveSetting, loadSetting } from '../../src/excel/settings';
import { pngBase64 } from './png';

/** Text a user or a setting may hold: XML specials, quotes, newlines, tabs, Cyrillic, emoji, lone ampersands. */
const hostileText = fc.array(fc.constantFrom('a', 'Я', '<', '>', '&', '"', "'", '\n', '\r\n', '\t', ' ', '{', '}', '=', '&amp;', ']]>', '😀', '\\', '«', '»'), { maxLength: 40 }).map((a) => a.join(''));

function book(): WorkbookModel {
  return modelFromGrid([{ name: 'Clients', values: [['Client', 'Revenue'], ['A', 1]] }]);
}

test('settings survive Save and Open, whatever they hold', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), hostileText), { maxLength: 6, selector: (x) => x[0] }), async (pairs) => {
      const model = book();
      // as Office keeps them: JSON text
      for (const [k, v] of pairs) model.settings.set(k, JSON.stringify({ text: v }));
      const back = await modelFromXlsx(await modelToXlsx(model));
      expect([...back.settings]).toEqual([...model.settings]);
    }),
    { numRuns: 25 },
  );
});

test('through the Office.js door: a setting saved by the add-in is there after Save and Open', async () => {
  const model = book();
  const rules = { version: 1, name: 'Правила «VIP» & <ключевые>', tiers: [{ name: 'VIP', criteria: { minAmount: 1e6 } }] };
  await saveSetting(createStandIn(model).run, 'clientTiers.rules', rules);
  const reopened = await modelFromXlsx(await modelToXlsx(model));
  expect(JSON.parse((await loadSetting(createStandIn(reopened).run, 'clientTiers.rules')) as string)).toEqual(rules);
});

test('the package carries the web-extension part Excel reads, tied to our add-in id', async () => {
  const model = book();
  model.settings.set('k', JSON.stringify('v "q" <x>'));
  const parts = unzipSync(await modelToXlsx(model));
  const we = strFromU8(parts['xl/webextensions/webextension1.xml']);
  expect(we).toContain(`<we:reference id="${ADDIN_ID}"`);
  expect(we).toContain('<we:property name="k" value="&quot;v \\&quot;q\\&quot; &lt;x&gt;&quot;"/>');
  expect(strFromU8(parts['_rels/.rels'])).toContain('Target="xl/webextensions/taskpanes.xml"');
  expect(strFromU8(parts['xl/webextensions/_rels/taskpanes.xml.rels'])).toContain('Target="webextension1.xml"');
  const types = strFromU8(parts['[Content_Types].xml']);
  expect(types).toContain('application/vnd.ms-office.webextension+xml');
  expect(types).toContain('application/vnd.ms-office.webextensiontaskpanes+xml');
});

test("another add-in's settings are not ours", () => {
  const other = webExtensionXml(new Map([['k', '"v"']])).replace(ADDIN_ID, '00000000-0000-0000-0000-000000000000');
  expect(settingsFromWebExtension(other)).toBeNull();
  expect(settingsFromWebExtension(webExtensionXml(new Map([['k', '"v"']])))).toEqual(new Map([['k', '"v"']]));
});

test('a workbook without settings writes no web-extension part', async () => {
  const parts = unzipSync(await modelToXlsx(book()));
  expect(Object.keys(parts).filter((p) => p.includes('webextension'))).toEqual([]);
});

test('pictures keep their place, size, name and alt text', async () => {
  const model = book();
  const sheet = model.sheets[0];
  // a picture is anchored to a cell (offset from its corner): with the default widths, which the
  // file does not round, the points come back as they were
  const shapes = [
    { name: 'ClientTiers.Pareto', left: 10, top: 45, w: 64, h: 36, title: 'Pareto «80/20»', descr: 'Top 20% & <more>' },
    { name: 'ClientTiers.Lorenz', left: 250.5, top: 330, w: 32, h: 18, title: '', descr: 'Кривая\nЛоренца' },
  ];
  for (const s of shapes) {
    const shape = model.addShape(sheet, { format: 'png', base64: pngBase64(s.w, s.h), widthPx: s.w, heightPx: s.h });
    Object.assign(shape, { name: s.name, left: s.left, top: s.top, altTextTitle: s.title, altTextDescription: s.descr });
  }
  const back = (await modelFromXlsx(await modelToXlsx(model))).sheets[0].shapes;
  expect(back.map((x) => [x.name, x.altTextTitle, x.altTextDescription, x.image.widthPx, x.image.heightPx])).toEqual(shapes.map((s) => [s.name, s.title, s.descr, s.w, s.h]));
  back.forEach((x, i) => {
    expect(x.left).toBeCloseTo(shapes[i].left, 1);
    expect(x.top).toBeCloseTo(shapes[i].top, 1);
    expect(x.width).toBeCloseTo(shapes[i].w * 0.75, 0);
    expect(x.height).toBeCloseTo(shapes[i].h * 0.75, 0);
  });
});

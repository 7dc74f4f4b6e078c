import { createStandIn, ErrorCodes, modelFromGrid, readImage, StandIn } from '../../src/workbench/standin';
import { pngBase64 } from './png';
import { failure } from './support';

function book(): StandIn {
  return createStandIn(modelFromGrid([{ name: 'Dashboard', values: [['KPI', 1]] }, { name: 'Other', values: [['x']] }]));
}


// a 1×1 JPEG (baseline, greyscale)
const JPEG_1X1 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

describe('images in the stand-in', () => {
  it('reads the size of PNG and JPEG pictures, refuses anything else', () => {
    expect(readImage(pngBase64(640, 360))).toMatchObject({ format: 'png', widthPx: 640, heightPx: 360 });
    expect(readImage(JPEG_1X1)).toMatchObject({ format: 'jpeg', widthPx: 1, heightPx: 1 });
    expect(readImage(`data:image/png;base64,${pngBase64(2, 2)}`)).toBeUndefined();
    expect(readImage('bm90IGFuIGltYWdl')).toBeUndefined(); // "not an image"
    expect(readImage('')).toBeUndefined();
    expect(readImage(42)).toBeUndefined();
  });
});

describe('Worksheet.shapes', () => {
  it('adds a picture at its pixel size, named "Picture N"; properties need load and sync', async () => {
    const s = book();
    await s.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Dashboard').shapes;
      const pic = shapes.addImage(pngBase64(640, 360));
      await context.sync();
      expect(() => pic.name).toThrow(/property|loaded/i);
      pic.load('id,name,type,left,top,width,height');
      await context.sync();
      expect(pic.name).toBe('Picture 1');
      expect(pic.type).toBe('Image');
      expect([pic.left, pic.top, pic.width, pic.height]).toEqual([0, 0, 480, 270]);
    });
    const sheet = s.model.sheet('Dashboard');
    expect(sheet.shapes).toHaveLength(1);
    expect(sheet.shapes[0].image.widthPx).toBe(640);
  });

  it('sets name, position, size and alt text; reads them back after sync; finds by name', async () => {
    const s = book();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Dashboard');
      const pic = ws.shapes.addImage(pngBase64(10, 10));
      pic.name = 'ClientTiers.Pareto';
      pic.left = 300;
      pic.top = 20;
      pic.width = 480;
      pic.height = 270;
      pic.altTextTitle = 'Pareto chart';
      pic.altTextDescription = 'Top 20% of clients make 73.5% of revenue';
      // a value set on a proxy is readable at once (as Office.js)
      expect(pic.name).toBe('ClientTiers.Pareto');
      await context.sync();
      const found = ws.shapes.getItem('ClientTiers.Pareto');
      found.load('left,top,width,height,altTextDescription');
      const missing = ws.shapes.getItemOrNullObject('nope');
      const count = ws.shapes.getCount();
      await context.sync();
      expect([found.left, found.top, found.width, found.height]).toEqual([300, 20, 480, 270]);
      expect(found.altTextDescription).toMatch(/73\.5%/);
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(1);
    });
    expect(s.model.sheet('Dashboard').shapes[0]).toMatchObject({ name: 'ClientTiers.Pareto', altTextTitle: 'Pareto chart' });
  });

  it('lists items with load("items/name") and deletes them', async () => {
    const s = book();
    await s.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Dashboard').shapes;
      for (const n of ['A', 'B', 'C']) shapes.addImage(pngBase64(4, 4)).name = n;
      await context.sync();
      shapes.load('items/name');
      await context.sync();
      expect(shapes.items.map((x) => x.name)).toEqual(['A', 'B', 'C']);
      shapes.items[1].delete();
      await context.sync();
      shapes.load('items/name');
      await context.sync();
      expect(shapes.items.map((x) => x.name)).toEqual(['A', 'C']);
    });
    expect(s.model.sheet('Dashboard').shapes.map((x) => x.name)).toEqual(['A', 'C']);
    // other sheets keep their own collections
    expect(s.model.sheet('Other').shapes).toHaveLength(0);
  });

  it('is strict: bad pictures, missing items, bad values, protected sheets, deleted shapes', async () => {
    const s = book();
    let e = await failure(s.run(async (context) => {
      context.workbook.worksheets.getItem('Dashboard').shapes.addImage(`data:image/png;base64,${pngBase64(2, 2)}`);
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.invalidArgument);
    expect(s.model.sheet('Dashboard').shapes).toHaveLength(0);

    e = await failure(s.run(async (context) => {
      context.workbook.worksheets.getItem('Dashboard').shapes.getItem('none');
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.itemNotFound);

    e = await failure(s.run(async (context) => {
      const pic = context.workbook.worksheets.getItem('Dashboard').shapes.addImage(pngBase64(2, 2));
      pic.width = -5;
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.invalidArgument);
    // the add before the failing action stays applied (as Office)
    expect(s.model.sheet('Dashboard').shapes).toHaveLength(1);

    s.model.sheet('Dashboard').protected = true;
    e = await failure(s.run(async (context) => {
      context.workbook.worksheets.getItem('Dashboard').shapes.addImage(pngBase64(2, 2));
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.accessDenied);
    s.model.sheet('Dashboard').protected = false;

    e = await failure(s.run(async (context) => {
      const pic = context.workbook.worksheets.getItem('Dashboard').shapes.getItemAt(0);
      pic.delete();
      await context.sync();
      pic.name = 'again';
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.itemNotFound);
  });

  it('an add() result is unusable after a request that did not create it', async () => {
    const s = book();
    const e = await failure(s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Nope');
      const pic = ws.shapes.addImage(pngBase64(2, 2));
      await context.sync().catch(() => undefined);
      pic.name = 'x';
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.invalidObjectPath);
  });

  it('counts the Base64 text in the request bytes and refuses a request over the limit', async () => {
    const s = book();
    const big = pngBase64(8, 8, 200_000);
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Dashboard').shapes.addImage(big);
      await context.sync();
    });
    expect(s.stats.maxRequestBytes).toBeGreaterThan(big.length);
    expect(s.stats.maxRequestBytes).toBeLessThan(big.length + 1000);
    s.options.requestLimitBytes = 100_000;
    const e = await failure(s.run(async (context) => {
      context.workbook.worksheets.getItem('Dashboard').shapes.addImage(big);
      await context.sync();
    }));
    expect(e.code).toBe(ErrorCodes.requestPayloadSizeLimitExceeded);
    expect(s.model.sheet('Dashboard').shapes).toHaveLength(1);
  });

  it('pictures go with their sheet', async () => {
    const s = book();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Dashboard');
      ws.shapes.addImage(pngBase64(2, 2));
      await context.sync();
      ws.delete();
      await context.sync();
    });
    expect(s.model.findSheet('Dashboard')).toBeUndefined();
  });
});

/** @jest-environment jsdom */
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findMessage, idle, LANGS, loadSample, Pane, readSource, renderPane } from './harness';
import { analyzeGrid } from '../../src/core/analyze';
import { presetRules } from '../../src/core/presets';
import { DEFAULT_RULES, defaultRules, parseRuleSet, RuleSet } from '../../src/core/rules';
import { detectTable } from '../../src/core/table';
import { readSheet } from '../../src/excel/readSheet';
import { RULES_KEY } from '../../src/excel/settings';

/** Read the client sheet and go to step 2. */
async function toRules(p: Pane): Promise<void> {
  await readSource(p, p.sample.clients);
  fireEvent.click(screen.getByRole('button', { name: p.t.source.next }));
  await screen.findByRole('heading', { name: p.t.rules.heading });
}

function tierField(p: Pane, i: number, label: 'tierName' | 'criterion' | 'value'): HTMLInputElement & HTMLSelectElement {
  return within(screen.getByTestId(`tier-${i}`)).getByLabelText(p.t.rules[label]) as HTMLInputElement & HTMLSelectElement;
}

/** Name, criterion and value of every tier row as the editor shows them. */
function shownTiers(p: Pane): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (let i = 0; screen.queryByTestId(`tier-${i}`); i++) {
    const value = within(screen.getByTestId(`tier-${i}`)).queryByLabelText(p.t.rules.value) as HTMLInputElement | null;
    out.push([tierField(p, i, 'tierName').value, tierField(p, i, 'criterion').value, value?.value ?? '']);
  }
  return out;
}

/** The Fluent Field around a control (label, control and validation message). */
function fieldOf(control: HTMLElement): HTMLElement {
  return control.closest('.fui-Field') as HTMLElement;
}

function next(p: Pane): HTMLButtonElement {
  return screen.getByRole('button', { name: p.t.rules.next }) as HTMLButtonElement;
}

/** Per-client revenue, margin and orders of the client sheet, computed by core directly. */
async function sheetFigures(p: Pane) {
  const data = await readSheet(p.standIn.run, { sheet: p.sample.clients });
  const { headerRow } = detectTable(data.values);
  const rev = analyzeGrid(data.values, { detect: { headerRow } });
  const mar = analyzeGrid(data.values, { detect: { headerRow }, rules: { ...DEFAULT_RULES, measure: 'margin' } });
  return { revenue: rev.clients.map((c) => c.revenue), margin: mar.clients.map((c) => c.total), orders: rev.clients.map((c) => c.orders) };
}

function expectedTiers(r: RuleSet): Array<[string, string, string]> {
  return r.tiers.map((tier) => {
    const c = tier.criteria;
    if (!c) return [tier.name, 'base', ''];
    if (c.paretoShare !== undefined) return [tier.name, 'paretoShare', String(c.paretoShare * 100)];
    if (c.minOrders !== undefined) return [tier.name, 'minOrders', String(c.minOrders)];
    return [tier.name, 'minAmount', String(c.minAmount)];
  });
}

describe.each(LANGS)('Rules step (%s)', (lang) => {
  test('starts from the default Pareto rules and presets switch the tiers', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    // named in the pane's language: VIP / Key / Standard, VIP / Ключевой / Базовый
    expect(shownTiers(p)).toEqual([
      ['VIP', 'paretoShare', '50'],
      [lang === 'en' ? 'Key' : 'Ключевой', 'paretoShare', '80'],
      [lang === 'en' ? 'Standard' : 'Базовый', 'base', ''],
    ]);
    const figures = await sheetFigures(p);

    const preset = screen.getByLabelText(p.t.rules.preset);
    const use = screen.getByRole('button', { name: p.t.rules.apply });

    // revenue bars come from the sheet that was read (not placeholders)
    fireEvent.change(preset, { target: { value: 'revenue' } });
    fireEvent.click(use);
    const revenue = presetRules('revenue', figures, defaultRules(lang));
    await waitFor(() => expect(shownTiers(p)).toEqual(expectedTiers(revenue)));
    expect((screen.getByLabelText(p.t.rules.name) as HTMLInputElement).value).toBe(lang === 'en' ? 'Revenue thresholds' : 'Пороги по выручке');
    const [vip, key] = revenue.tiers.map((x) => x.criteria?.minAmount ?? 0);
    expect(vip).toBeGreaterThan(key);
    expect(key).toBeGreaterThan(1);

    // margin bars are margin figures and the measure becomes margin
    fireEvent.change(preset, { target: { value: 'margin' } });
    fireEvent.click(use);
    const margin = presetRules('margin', figures, defaultRules(lang));
    await waitFor(() => expect(shownTiers(p)).toEqual(expectedTiers(margin)));
    expect((screen.getByLabelText(p.t.rules.measure) as HTMLSelectElement).value).toBe('margin');
    expect(margin.tiers[1].criteria?.minAmount).toBeLessThan(revenue.tiers[1].criteria?.minAmount ?? 0);

    fireEvent.change(preset, { target: { value: 'orders' } });
    fireEvent.click(use);
    await waitFor(() => expect(shownTiers(p)).toEqual(expectedTiers(presetRules('orders', figures, defaultRules(lang)))));
    expect(shownTiers(p).map((x) => x[1])).toEqual(['minOrders', 'minOrders', 'base']);

    fireEvent.change(preset, { target: { value: 'pareto' } });
    fireEvent.click(use);
    await waitFor(() => expect(shownTiers(p)).toEqual(expectedTiers(defaultRules(lang))));
    expect(next(p).disabled).toBe(false);
  });

  test('inline validation names the field and disables Next and Save', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    const save = screen.getByRole('button', { name: p.t.rules.save }) as HTMLButtonElement;
    expect(next(p).disabled).toBe(false);

    // an empty tier name
    fireEvent.change(tierField(p, 0, 'tierName'), { target: { value: '  ' } });
    const nameAlert = await within(fieldOf(tierField(p, 0, 'tierName'))).findByRole('alert');
    expect(nameAlert.textContent).toBe(lang === 'en' ? 'Tier name is empty' : 'не заполнено');
    expect(next(p).disabled).toBe(true);
    expect(save.disabled).toBe(true);
    const problems = screen.getByTestId('rule-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    expect(problems.textContent).toContain(p.t.rules.invalid);
    expect(problems.textContent).toContain(lang === 'en' ? 'tiers[1].name: Tier name is empty' : 'уровень 1, название: не заполнено');
    fireEvent.change(tierField(p, 0, 'tierName'), { target: { value: 'VIP' } });
    await waitFor(() => expect(next(p).disabled).toBe(false));
    expect(screen.queryByTestId('rule-problems')).toBeNull();
    expect(within(fieldOf(tierField(p, 0, 'tierName'))).queryByRole('alert')).toBeNull();

    // a review window of 0 months
    const windowMonths = screen.getByLabelText(p.t.rules.windowMonths);
    fireEvent.change(windowMonths, { target: { value: '0' } });
    await within(fieldOf(windowMonths)).findByRole('alert');
    expect(next(p).disabled).toBe(true);
    expect(screen.getByTestId('rule-problems').textContent).toContain(lang === 'en' ? 'windowMonths: must be 1 or more' : 'окно пересмотра: должно быть 1 или больше');
    fireEvent.change(windowMonths, { target: { value: '6' } });
    await waitFor(() => expect(next(p).disabled).toBe(false));

    // a Pareto share of 150%
    fireEvent.change(tierField(p, 0, 'value'), { target: { value: '150' } });
    const shareAlert = await within(fieldOf(tierField(p, 0, 'value'))).findByRole('alert');
    expect(shareAlert.textContent).toBe(lang === 'en' ? 'must be at most 1 (100%)' : 'должно быть не больше 1 (100\u00a0%)');
    expect(next(p).disabled).toBe(true);
    expect(save.disabled).toBe(true);
    fireEvent.change(tierField(p, 0, 'value'), { target: { value: '50' } });
    await waitFor(() => expect(next(p).disabled).toBe(false));
    expect(save.disabled).toBe(false);
  });

  test('a negative minimum amount is named in the language of the pane', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    fireEvent.change(screen.getByLabelText(p.t.rules.preset), { target: { value: 'revenue' } });
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.apply }));
    await waitFor(() => expect(shownTiers(p)[1][1]).toBe('minAmount'));
    fireEvent.change(tierField(p, 1, 'value'), { target: { value: '-5' } });
    const alert = await within(fieldOf(tierField(p, 1, 'value'))).findByRole('alert');
    expect(alert.textContent).toBe(lang === 'en' ? 'must be 0 or more' : 'должно быть 0 или больше');
    const items = within(screen.getByTestId('rule-problems'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([lang === 'en' ? 'tiers[2].criteria.minAmount: must be 0 or more' : 'уровень 2, критерий «минимальная сумма»: должно быть 0 или больше']);
    expect(next(p).disabled).toBe(true);
  });

  test('export shows the rules as valid JSON', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    fireEvent.change(screen.getByLabelText(p.t.rules.windowMonths), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.exportJson }));
    const text = (await screen.findByLabelText(p.t.rules.jsonLabel)) as HTMLTextAreaElement;
    const parsed = parseRuleSet(JSON.parse(text.value));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.rules).toEqual({ ...defaultRules(lang), windowMonths: 12 });
  });

  test('import of invalid JSON or invalid rules shows an error; valid JSON replaces the rules', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.importJson }));
    const text = (await screen.findByLabelText(p.t.rules.jsonLabel)) as HTMLTextAreaElement;
    expect(text.value).toBe('');

    fireEvent.change(text, { target: { value: '{ "tiers": [' } });
    const syntax = await within(fieldOf(text)).findByRole('alert');
    expect(syntax.textContent).toMatch(/JSON/);
    expect(shownTiers(p)[0][0]).toBe('VIP');

    fireEvent.change(text, { target: { value: '{ "tiers": [] }' } });
    await waitFor(() => expect(within(fieldOf(text)).getByRole('alert').textContent).toContain(lang === 'en' ? 'tiers: needs at least two tiers' : 'уровни: нужно хотя бы два уровня'));
    expect(shownTiers(p)[0][0]).toBe('VIP');

    const mine = { name: 'Mine', windowMonths: 3, tiers: [{ name: 'Gold', criteria: { minAmount: 50000 } }, { name: 'Silver', criteria: null }] };
    fireEvent.change(text, { target: { value: JSON.stringify(mine) } });
    await waitFor(() => expect(within(fieldOf(text)).queryByRole('alert')).toBeNull());
    expect(shownTiers(p)).toEqual([
      ['Gold', 'minAmount', '50000'],
      ['Silver', 'base', ''],
    ]);
    expect((screen.getByLabelText(p.t.rules.windowMonths) as HTMLInputElement).value).toBe('3');
    expect(next(p).disabled).toBe(false);
  });

  test('"Save rules in the workbook" stores them in the workbook settings', async () => {
    const p = await renderPane(lang);
    await toRules(p);
    expect(p.model.settings.has(RULES_KEY)).toBe(false);
    fireEvent.change(screen.getByLabelText(p.t.rules.name), { target: { value: 'Half-year review' } });
    fireEvent.change(screen.getByLabelText(p.t.rules.graceReviews), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: p.t.rules.save }));
    const message = await findMessage(p.t.rules.saved);
    expect(message.getAttribute('role')).toBe('status');
    // settings hold each value as JSON, as Office persists them; the pane's value is JSON text
    const value: unknown = JSON.parse(p.model.settings.get(RULES_KEY) ?? 'null');
    expect(typeof value).toBe('string');
    const saved = parseRuleSet(JSON.parse(value as string));
    expect(saved.ok && saved.rules).toEqual({ ...defaultRules(lang), name: 'Half-year review', policy: { ...defaultRules(lang).policy, graceReviews: 2 } });
  });

  test('rules saved in the workbook are loaded when the pane opens', async () => {
    const model = await loadSample(lang);
    const mine: RuleSet = { ...defaultRules(lang), name: 'From the workbook', windowMonths: 12 };
    model.settings.set(RULES_KEY, JSON.stringify(JSON.stringify(mine)));
    const p = await renderPane(lang, model);
    await toRules(p);
    expect((screen.getByLabelText(p.t.rules.name) as HTMLInputElement).value).toBe('From the workbook');
    expect((screen.getByLabelText(p.t.rules.windowMonths) as HTMLInputElement).value).toBe('12');
  });

  test('broken rules in the workbook give a warning and the defaults', async () => {
    const model = await loadSample(lang);
    model.settings.set(RULES_KEY, JSON.stringify(JSON.stringify({ tiers: [{ name: 'Only' }] })));
    const p = await renderPane(lang, model);
    const message = await findMessage(new RegExp(escapeRegExp(p.t.rules.invalid)));
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toContain(lang === 'en' ? 'tiers: needs at least two tiers' : 'уровни: нужно хотя бы два уровня');
    await idle();
    await toRules(p);
    expect((screen.getByLabelText(p.t.rules.name) as HTMLInputElement).value).toBe(defaultRules(lang).name);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

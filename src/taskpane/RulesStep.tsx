import { Button, Field, Input, Select, Subtitle2, Textarea, Caption1 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { PRESET_IDS, PresetId, presetRules } from '../core/presets';
import { Lang } from '../core/format';
import { renderMessage } from '../core/messages';
import { fieldName, parseRuleSet, RuleSet, ruleSetToJson } from '../core/rules';
import type { Strings } from './i18n';
import type { PresetFigures } from './usePane';
import type { RulesDraft } from '../excel/settings';

interface Props {
  rules: RuleSet;
  /** The fields as the user typed them (null: as `rules` says); held by the pane so nothing typed is lost between steps. */
  draft: RulesDraft | null;
  t: Strings;
  lang: Lang;
  /** Per-client figures of the sheet read in step 1, for the threshold presets (computed on demand). */
  figures: () => PresetFigures | null;
  onChange: (rules: RuleSet) => void;
  onDraft: (draft: RulesDraft | null) => void;
  onSave: () => void;
  onNext: () => void;
}

type Kind = 'minAmount' | 'paretoShare' | 'minOrders' | 'base';

type Draft = RulesDraft;
type DraftTier = Draft['tiers'][number];

function toDraft(r: RuleSet): Draft {
  return {
    name: r.name,
    measure: r.measure,
    windowMonths: String(r.windowMonths),
    tiers: r.tiers.map((tier) => {
      const c = tier.criteria;
      if (!c) return { name: tier.name, kind: 'base', value: '', benefits: tier.benefits };
      if (c.paretoShare !== undefined) return { name: tier.name, kind: 'paretoShare', value: String(Math.round(c.paretoShare * 1000) / 10), benefits: tier.benefits };
      if (c.minOrders !== undefined && c.minAmount === undefined) return { name: tier.name, kind: 'minOrders', value: String(c.minOrders), benefits: tier.benefits };
      return { name: tier.name, kind: 'minAmount', value: String(c.minAmount ?? 0), benefits: tier.benefits };
    }),
    graceReviews: String(r.policy.graceReviews),
    maxStepsDown: String(r.policy.maxStepsDown),
    hysteresisPct: String(r.policy.hysteresisPct),
    benefitSteps: String(r.policy.benefitSteps),
  };
}

/** Numbers typed the Russian or English way: "1 000 000", "1,5", "12.5". */
function num(s: string): number {
  const t = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return t === '' ? NaN : Number(t);
}

function fromDraft(d: Draft): unknown {
  return {
    version: 1,
    name: d.name,
    measure: d.measure,
    windowMonths: num(d.windowMonths),
    tiers: d.tiers.map((tier) => ({
      name: tier.name,
      benefits: tier.benefits,
      criteria:
        tier.kind === 'base'
          ? null
          : tier.kind === 'paretoShare'
            ? { paretoShare: num(tier.value) / 100 }
            : tier.kind === 'minOrders'
              ? { minOrders: num(tier.value) }
              : { minAmount: num(tier.value) },
    })),
    policy: { graceReviews: num(d.graceReviews), maxStepsDown: num(d.maxStepsDown), hysteresisPct: num(d.hysteresisPct), benefitSteps: num(d.benefitSteps) },
  };
}

/** The rule set the typed fields make, or null while they are not valid yet. */
export function draftRules(d: Draft): RuleSet | null {
  const r = parseRuleSet(fromDraft(d));
  return r.ok ? r.rules : null;
}

/** Step 2: presets, an editor with inline validation, save to the workbook, JSON export/import. */
/** One field per line: the pane is 320 px wide in Excel; a wider pane just gives the inputs more room. */
const STACK = { display: 'flex', flexDirection: 'column', gap: 8 } as const;
const TIER_CARD = { display: 'flex', flexDirection: 'column', gap: 6, padding: 8, border: '1px solid var(--colorNeutralStroke2)', borderRadius: 4, minWidth: 0 } as const;
const ROW_END = { display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' } as const;

export function RulesStep({ rules, draft: typed, t, lang, figures, onChange, onDraft, onSave, onNext }: Props) {
  const fromRules = useMemo(() => toDraft(rules), [rules]);
  const draft = typed ?? fromRules;
  const setDraft = (d: Draft | null) => onDraft(d);
  const [preset, setPreset] = useState<PresetId>('pareto');
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const checked = useMemo(() => parseRuleSet(fromDraft(draft), lang), [draft, lang]);
  const problems = checked.ok ? [] : checked.problems;
  // a field shows the first problem of itself or of a field inside it, without the field's name
  const problemFor = (path: string) => {
    const issue = checked.ok ? undefined : checked.issues.find((p) => p.field === path || p.field.startsWith(path + '.'));
    return issue ? renderMessage(issue.message, lang) : undefined;
  };

  const update = (next: Draft) => {
    setDraft(next);
    const r = parseRuleSet(fromDraft(next));
    if (r.ok) onChange(r.rules);
  };
  const setTier = (i: number, p: Partial<DraftTier>) => update({ ...draft, tiers: draft.tiers.map((x, k) => (k === i ? { ...x, ...p } : x)) });

  return (
    <section aria-labelledby="rules-heading">
      <Subtitle2 as="h2" id="rules-heading">
        {t.rules.heading}
      </Subtitle2>
      <div style={ROW_END}>
        <Field label={t.rules.preset} style={{ flex: '1 1 12rem', minWidth: 0 }}>
          <Select value={preset} onChange={(_, d) => setPreset(d.value as PresetId)} data-testid="preset">
            {PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {t.rules.presets[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          onClick={() => {
            const r = presetRules(preset, figures() ?? { revenue: [] }, rules);
            setDraft(null);
            onChange(r);
          }}
        >
          {t.rules.apply}
        </Button>
      </div>
      <Field label={t.rules.name} validationMessage={problemFor('name')}>
        <Input value={draft.name} onChange={(_, d) => update({ ...draft, name: d.value })} />
      </Field>
      <div style={ROW_END}>
        <Field label={t.rules.measure} style={{ flex: '1 1 8rem', minWidth: 0 }}>
          <Select value={draft.measure} onChange={(_, d) => update({ ...draft, measure: d.value as 'revenue' | 'margin' })}>
            <option value="revenue">{t.rules.measures.revenue}</option>
            <option value="margin">{t.rules.measures.margin}</option>
          </Select>
        </Field>
        <Field label={t.rules.windowMonths} style={{ flex: '1 1 8rem', minWidth: 0 }} validationMessage={problemFor('windowMonths')}>
          <Input value={draft.windowMonths} inputMode="numeric" onChange={(_, d) => update({ ...draft, windowMonths: d.value })} data-testid="window-months" />
        </Field>
      </div>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, minWidth: 0, ...STACK }}>
        <legend>
          <Subtitle2>{t.rules.tiers}</Subtitle2>
        </legend>
        {draft.tiers.map((tier, i) => {
          const path = fieldName(['tiers', i]);
          return (
            <div key={i} style={TIER_CARD} data-testid={`tier-${i}`} role="group" aria-label={`${i + 1}. ${tier.name}`}>
              <Field label={t.rules.tierName} validationMessage={problemFor(`${path}.name`)}>
                <Input value={tier.name} onChange={(_, d) => setTier(i, { name: d.value })} />
              </Field>
              <Field label={t.rules.criterion} validationMessage={problemFor(`${path}.criteria`)}>
                <Select value={tier.kind} onChange={(_, d) => setTier(i, { kind: d.value as Kind })}>
                  {(['minAmount', 'paretoShare', 'minOrders', 'base'] as Kind[]).map((k) => (
                    <option key={k} value={k}>
                      {t.rules.criteria[k]}
                    </option>
                  ))}
                </Select>
              </Field>
              {tier.kind !== 'base' && (
                <Field label={t.rules.value} validationMessage={problemFor(`${path}.criteria.${tier.kind}`)}>
                  <Input value={tier.value} inputMode="decimal" onChange={(_, d) => setTier(i, { value: d.value })} />
                </Field>
              )}
              {draft.tiers.length > 2 && (
                <Button appearance="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => update({ ...draft, tiers: draft.tiers.filter((_, k) => k !== i) })} aria-label={`${t.rules.remove} ${tier.name}`}>
                  {t.rules.remove}
                </Button>
              )}
            </div>
          );
        })}
        <Button
          appearance="secondary"
          style={{ alignSelf: 'flex-start' }}
          disabled={draft.tiers.length >= 10}
          onClick={() => {
            const tiers = [...draft.tiers];
            tiers.splice(Math.max(0, tiers.length - 1), 0, { name: `Tier ${tiers.length}`, kind: 'minAmount', value: '0', benefits: [] });
            update({ ...draft, tiers });
          }}
        >
          {t.rules.addTier}
        </Button>
      </fieldset>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, minWidth: 0, ...STACK }}>
        <legend>
          <Subtitle2>{t.rules.policy}</Subtitle2>
        </legend>
        {(['graceReviews', 'maxStepsDown', 'hysteresisPct', 'benefitSteps'] as const).map((k) => (
          <Field key={k} label={t.rules[k]} validationMessage={problemFor(`policy.${k}`)}>
            <Input value={draft[k]} inputMode="decimal" onChange={(_, d) => update({ ...draft, [k]: d.value })} data-testid={`policy-${k}`} />
          </Field>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <div role="alert" data-testid="rule-problems">
          <Caption1>{t.rules.invalid}</Caption1>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={onSave} disabled={!checked.ok}>
          {t.rules.save}
        </Button>
        <Button onClick={() => setJson(checked.ok ? ruleSetToJson(checked.rules) : JSON.stringify(fromDraft(draft), null, 2))}>{t.rules.exportJson}</Button>
        <Button onClick={() => setJson(json ?? '')}>{t.rules.importJson}</Button>
      </div>
      {json !== null && (
        <Field label={t.rules.jsonLabel} validationMessage={jsonError ?? undefined}>
          <Textarea
            value={json}
            resize="vertical"
            rows={8}
            onChange={(_, d) => {
              setJson(d.value);
              try {
                const r = parseRuleSet(JSON.parse(d.value), lang);
                if (r.ok) {
                  setJsonError(null);
                  setDraft(null);
                  onChange(r.rules);
                } else setJsonError(r.problems.join('; '));
              } catch (e) {
                setJsonError(renderMessage({ code: 'rules.notJson', params: { detail: (e as Error).message } }, lang));
              }
            }}
          />
        </Field>
      )}
      <Button appearance="primary" onClick={onNext} disabled={!checked.ok} data-testid="to-review">
        {t.rules.next}
      </Button>
    </section>
  );
}

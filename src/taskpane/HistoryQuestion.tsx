import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { formatDay, Lang } from '../core/format';

/** The texts of the question (kept here, self-contained; the lead may move them to the catalogue). */
const TEXT: Record<Lang, { asked: (rules: string, day: string) => string; cont: string; restart: string }> = {
  en: {
    asked: (rules, day) => `This sheet was last reviewed${day ? ` on ${day}` : ''} under other rules ("${rules}"). Continue that history (warnings given so far count) or start anew (every client starts from this review)?`,
    cont: 'Continue the history',
    restart: 'Start anew',
  },
  ru: {
    asked: (rules, day) => `В прошлый раз${day ? ` (${day})` : ''} этот лист пересматривали по другим правилам («${rules}»). Продолжить эту историю (выданные предупреждения учитываются) или начать заново (все клиенты начинают с этого пересмотра)?`,
    cont: 'Продолжить историю',
    restart: 'Начать заново',
  },
};

/**
 * Asked when the rules changed since the last review of the sheet (core/historyColumns
 * previousState → `rulesChanged`): continue that history or start anew.
 */
export function HistoryQuestion({ question, lang, onAnswer }: { question: { rulesName: string; day: number | undefined }; lang: Lang; onAnswer: (mode: 'continue' | 'restart') => void }) {
  const t = TEXT[lang];
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="history-question">
      <MessageBarBody>{t.asked(question.rulesName, question.day === undefined ? '' : formatDay(question.day, lang))}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={() => onAnswer('continue')} data-testid="history-continue">
          {t.cont}
        </Button>
        <Button size="small" onClick={() => onAnswer('restart')} data-testid="history-restart">
          {t.restart}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

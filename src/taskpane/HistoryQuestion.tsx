import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { formatDay, Lang } from '../core/format';
import { strings } from './i18n';


/**
 * Asked when the rules changed since the last review of the sheet (core/historyColumns
 * previousState → `rulesChanged`): continue that history or start anew.
 */
export function HistoryQuestion({ question, lang, onAnswer }: { question: { rulesName: string; day: number | undefined }; lang: Lang; onAnswer: (mode: 'continue' | 'restart') => void }) {
  const t = strings(lang).history;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="history-question">
      <MessageBarBody>{question.day === undefined ? t.asked(question.rulesName) : t.askedOn(question.rulesName, formatDay(question.day, lang))}</MessageBarBody>
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

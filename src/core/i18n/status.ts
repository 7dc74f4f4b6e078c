import type { Plain } from './message';

/** A review status as the pane, the results column and the history sheet name it (core/tiering TierStatus). */
export const statusLabels = {
  new: { en: 'New', ru: 'Новый' },
  up: { en: 'Up', ru: 'Повышение' },
  keep: { en: 'Keep', ru: 'Без изменений' },
  grace: { en: 'Grace warning', ru: 'Предупреждение' },
  stepdown: { en: 'Benefit step-down', ru: 'Сокращение привилегий' },
  down: { en: 'Down', ru: 'Понижение' },
} as const satisfies Record<string, Plain>;

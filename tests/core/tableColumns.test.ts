import { RESULT_HEADERS } from '../../src/core/resultColumns';
import { columnRuns, planTableColumns } from '../../src/core/tableColumns';

const OURS = [RESULT_HEADERS.en, RESULT_HEADERS.ru];

describe('planTableColumns', () => {
  it('adds every header when the table has none of them', () => {
    expect(planTableColumns(['Client', 'Revenue'], RESULT_HEADERS.en, OURS)).toEqual({ targets: [-1, -1, -1, -1, -1, -1], own: false, foreign: [] });
  });

  it('finds our columns of an earlier apply in either language, in any order, ignoring case and spaces', () => {
    const names = ['Client', 'abc', ' уровень ', 'Revenue', 'Статус пересмотра', 'Причина', 'Пересмотров ниже', 'Следующий пересмотр'];
    expect(planTableColumns(names, RESULT_HEADERS.en, OURS)).toEqual({ targets: [2, 1, 4, 5, 6, 7], own: true, foreign: [] });
  });

  it("a user's own Tier column is reused but listed as foreign; the rest are added", () => {
    expect(planTableColumns(['Client', 'Revenue', 'Tier'], RESULT_HEADERS.en, OURS)).toEqual({ targets: [2, -1, -1, -1, -1, -1], own: false, foreign: [2] });
  });

  it('five of six of ours is not ours: they are foreign', () => {
    const names = ['Client', ...RESULT_HEADERS.en.slice(0, 5)];
    expect(planTableColumns(names, RESULT_HEADERS.en, OURS)).toEqual({ targets: [1, 2, 3, 4, 5, -1], own: false, foreign: [1, 2, 3, 4, 5] });
  });
});

describe('columnRuns', () => {
  it('groups adjacent positions left to right, with the header each one takes', () => {
    expect(columnRuns([4, 5, 9, -1])).toEqual([
      { first: 4, headers: [0, 1] },
      { first: 9, headers: [2] },
    ]);
    expect(columnRuns([3, 2, 7, 8, 4])).toEqual([
      { first: 2, headers: [1, 0, 4] },
      { first: 7, headers: [2, 3] },
    ]);
    expect(columnRuns([-1, -1])).toEqual([]);
  });
});

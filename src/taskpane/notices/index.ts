export { Notices } from './Notices';
export type { NoticesProps } from './Notices';
export { NOTICE_STRINGS, noticeStrings } from './strings';
export type { NoticeStrings } from './strings';

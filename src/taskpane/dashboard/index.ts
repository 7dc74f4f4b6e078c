/** The dashboard tab (issue 6): see Dashboard.tsx for how to wire it into the pane. */
export { Dashboard, moneyFormatOf } from './Dashboard';
export type { DashboardProps } from './Dashboard';
export { dashboardStrings } from './strings';

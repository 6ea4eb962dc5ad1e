import type { ClockLevel } from './CaseView';

/** `GET /api/cases?queue=mine|department`: an open task with its step's clock. */
export interface QueuedTask {
  number: string;
  revision: number;
  taskId: string;
  kind: 'flow' | 'verification';
  taskName: string;
  role: string;
  department: string;
  assignee: string | null;
  isCoSigner: boolean;
  matterName: string;
  applicantName: string;
  isGreenChannel: boolean;
  openedOn: string;
  due: string | null;
  provisional: boolean;
  workdaysLeft: number | null;
  level: ClockLevel;
}

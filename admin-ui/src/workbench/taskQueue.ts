import { api } from '../api/api';
import type { ClockLevel } from './caseTypes';

/** `GET /api/cases?queue=mine|department`: an open task with its step's clock. */
export interface TaskRow {
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

export type TaskQueue = 'mine' | 'department';

/** The platform orders the queue (green channel first, then the nearest step due day). */
export async function loadTaskQueue(queue: TaskQueue): Promise<TaskRow[]> {
  return (await api.get<{ items: TaskRow[] }>(`/api/cases?queue=${queue}`)).items;
}

import { api } from '../api/api';
import type { QueuedTask } from '@matterflow/schemas';

/** `GET /api/cases?queue=mine|department`: an open task with its step's clock. */
export type TaskRow = QueuedTask;

export type TaskQueue = 'mine' | 'department';

/** The platform orders the queue (green channel first, then the nearest step due day). */
export async function loadTaskQueue(queue: TaskQueue): Promise<TaskRow[]> {
  return (await api.get<{ items: TaskRow[] }>(`/api/cases?queue=${queue}`)).items;
}

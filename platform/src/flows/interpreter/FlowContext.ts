import type { Situation } from '@matterflow/schemas';

/** What a flow is evaluated against, from the case: never read from a clock or a database. */
export interface FlowContext {
  /** The matter's implementing body (实施主体): what `$owner` stands for. */
  ownerDepartment: string;
  /** The application's form data: every condition in the flow is a JSON Schema over it. */
  data: unknown;
  /**
   * The applicant's 办理情形 that apply, in document order (resolveSituations). Flow conditions
   * cannot name a situation; a situation chooses its part of the flow by its `flowStart`.
   */
  situations?: readonly Pick<Situation, 'id' | 'flowStart'>[];
}

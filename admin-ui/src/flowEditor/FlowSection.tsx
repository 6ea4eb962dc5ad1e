import type { SectionProps } from '../editor/SectionProps';

/** The 流程 section: the flow graph (helper E3 builds it). */
export function FlowSection(_props: SectionProps) {
  return <p>流程编辑器建设中。</p>;
}

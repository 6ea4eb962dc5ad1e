import type { SectionProps } from '../editor/SectionProps';

/** The 表单 section: the form designer (helper E2 builds it). */
export function FormSection(_props: SectionProps) {
  return <p>表单设计器建设中。</p>;
}

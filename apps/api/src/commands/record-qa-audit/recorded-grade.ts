import type { EhcpCaseEvent, QaAuditRecorded, QaGrade } from '@ehcp/domain';

/** The overall grade the domain derived when it recorded the audit. */
export function overallGradeOf(events: readonly EhcpCaseEvent[]): QaGrade {
  const recorded = events.find((event): event is QaAuditRecorded => event.type === 'QaAuditRecorded');
  if (!recorded) throw new Error('RecordQaAudit appended no QaAuditRecorded event');
  return recorded.data.overallGrade;
}

/** Filling a template's merge fields from the journal and the settings. */

export interface MergeData {
  readonly recipientName: string | null;
  readonly recipientTitle: string | null;
  readonly company: string;
  readonly role: string;
  readonly roundDate: string | null;
  readonly roundNumber: number | null;
  readonly nextStep: string | null;
  readonly detail: string | null;
  readonly myName: string;
  readonly signature: string;
}

/** What an unfilled field becomes: a visible placeholder the checks will flag, never a guess. */
export const placeholderFor = (field: string): string => `[${field.replace(/\./g, ' ')}]`;

export function mergeFields(data: MergeData): Record<string, string | null> {
  const first = data.recipientName?.trim().split(/\s+/)[0] ?? null;
  return {
    'recipient.name': data.recipientName,
    'recipient.firstName': first,
    'recipient.title': data.recipientTitle,
    company: data.company,
    role: data.role,
    'round.date': data.roundDate,
    'round.number': data.roundNumber === null ? null : String(data.roundNumber),
    nextStep: data.nextStep,
    detail: data.detail ? lowerFirst(data.detail.replace(/[.!]+$/, '')) : null,
    'me.name': data.myName || null,
    signature: data.signature || (data.myName ? `Best regards,\n${data.myName}` : null),
  };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

export function merge(template: string, data: MergeData): string {
  const fields = mergeFields(data);
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in fields)) return whole;
    return fields[name] ?? placeholderFor(name === 'detail' ? 'a moment from your conversation' : name === 'me.name' || name === 'signature' ? 'your name' : name);
  });
}

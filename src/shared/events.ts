/**
 * Events the core pushes to the renderer, over IPC in the app and a server-sent event stream in
 * browser mode. The renderer uses them to refresh what it shows; they carry no data it must trust.
 */
export type CoreEvent =
  | { readonly type: 'journal.changed'; readonly entity: 'opportunity' | 'contact'; readonly id: number }
  | { readonly type: 'settings.changed' }
  | { readonly type: 'export.progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'reminder';
      readonly notice: {
        readonly kind: 'action' | 'summary';
        readonly title: string;
        readonly body: string;
        readonly opportunityId: number | null;
        readonly actionKey: string | null;
        readonly count: number;
      };
    }
  | { readonly type: 'open-card'; readonly opportunityId: number }
  | { readonly type: 'hello' };

export type CoreEventListener = (event: CoreEvent) => void;

/**
 * The "Your data" screen's one way to the core: the calendar file's status. (Kept in one small
 * hook so the screen moves to another data layer in one place.)
 */
import { api } from '../../api/bridge';
import { useJournalQuery } from '../../use-journal';

export function useCalendarFeed() {
  return useJournalQuery(() => api['transfer.calendarFeed'](undefined), []);
}

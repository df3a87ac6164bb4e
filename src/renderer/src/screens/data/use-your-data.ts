/**
 * The "Your data" screen's one way to the core: the calendar file's status. (Kept in one small
 * hook so the screen moves to another data layer in one place.)
 */
import { useCall } from '../../data/hooks';

export function useCalendarFeed() {
  return useCall('transfer.calendarFeed', undefined);
}

import { SYSTEM_TIME_ZONE } from '../../../shared/settings';

/** Every zone the browser knows. `supportedValuesOf` leaves out UTC: it is offered on its own. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
  } catch {
    return [];
  }
}

/**
 * The journal's time zone: the system's (followed wherever the machine is), UTC, or any zone.
 * `systemZone` is the zone the core resolves "system" to, shown so the choice is concrete.
 */
export function TimeZoneSelect({ value, systemZone, onChange, id }: { value: string; systemZone: string; onChange: (zone: string) => void; id?: string }) {
  const zones = knownZones();
  const current = value !== SYSTEM_TIME_ZONE && value !== 'UTC' && !zones.includes(value) ? [value] : [];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={SYSTEM_TIME_ZONE}>The system’s zone ({systemZone.replace(/_/g, ' ')})</option>
      <option value="UTC">UTC</option>
      {[...current, ...zones].map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}

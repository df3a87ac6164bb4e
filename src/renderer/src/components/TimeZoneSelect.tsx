import { SYSTEM_TIME_ZONE } from '../../../shared/settings';

/**
 * Zones Chromium still lists under their old names (its list is ICU's canonical one, which kept
 * them): a search for Kolkata or Kyiv found nothing. Each is offered under its current name when
 * the browser knows it (both names are the same zone to the planner).
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

const known = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Every zone the browser knows, by its current name. `supportedValuesOf` leaves out UTC: it is offered on its own. */
function knownZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone')
      .filter((z) => z !== 'UTC')
      .map((z) => (CURRENT_NAMES[z] && known(CURRENT_NAMES[z]) ? CURRENT_NAMES[z] : z));
    return [...new Set(zones)].sort();
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

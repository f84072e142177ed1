/**
 * UTC offsets (minutes, standard and daylight time) in use in a country, for the
 * DATE_ZONE_MISMATCH rule. Only countries listed here are checked; the rest are skipped
 * rather than guessed. Source: the IANA time zone database's zone1970.tab / zone.tab, rounded
 * to what mail software writes.
 */

const CET = [60, 120];
const EET = [120, 180];
const WET = [0, 60];

export const COUNTRY_OFFSETS: Readonly<Record<string, readonly number[]>> = {
  JP: [540], KR: [540], KP: [540], CN: [480], TW: [480], HK: [480], MO: [480], SG: [480], MY: [480], PH: [480], BN: [480],
  MN: [420, 480], ID: [420, 480, 540], TH: [420], VN: [420], KH: [420], LA: [420], MM: [390], IN: [330], LK: [330], NP: [345],
  BD: [360], BT: [360], PK: [300], UZ: [300], KZ: [300, 360], AF: [270], IR: [210, 270], AE: [240], OM: [240], SA: [180],
  QA: [180], KW: [180], BH: [180], IQ: [180], JO: [120, 180], LB: [120, 180], SY: [120, 180], IL: [120, 180], PS: [120, 180],
  TR: [180], EG: [120, 180], ZA: [120], NG: [60], KE: [180], ET: [180], GH: [0], MA: [0, 60], DZ: [60], TN: [60],
  RU: [120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720], UA: EET, BY: [180], MD: EET, GE: [240], AM: [240], AZ: [240],
  DE: CET, FR: CET, IT: CET, ES: [0, 60, 120], NL: CET, BE: CET, LU: CET, AT: CET, CH: CET, LI: CET, CZ: CET, SK: CET,
  PL: CET, HU: CET, SI: CET, HR: CET, RS: CET, BA: CET, ME: CET, MK: CET, AL: CET, MT: CET, MC: CET, SE: CET, NO: CET,
  DK: CET, FI: EET, EE: EET, LV: EET, LT: EET, RO: EET, BG: EET, GR: EET, CY: EET, GB: WET, IE: WET, PT: [-60, 0, 60],
  IS: [0], US: [-240, -300, -360, -420, -480, -540, -600, 600], CA: [-150, -180, -210, -240, -300, -360, -420, -480],
  MX: [-300, -360, -420, -480], BR: [-120, -180, -240, -300], AR: [-180], CL: [-180, -240, -300, -360], CO: [-300],
  PE: [-300], EC: [-300, -360], VE: [-240], UY: [-180], PY: [-180, -240], BO: [-240], AU: [480, 525, 570, 600, 630, 660],
  NZ: [720, 765, 780, 825],
};

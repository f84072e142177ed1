/** Offline IP-to-country lookup over the table that scripts/build-geo.js builds (pure). */
export { createCountryLookup, countryLookupFor, type CountryLookup } from "./lookup.js";
export { crc32 } from "../crc32.js";
export { readGeoTable, GEO_FORMAT_VERSION, type GeoTable, type GeoSource } from "./format.js";
export { GEO_ATTRIBUTION } from "./attribution.js";

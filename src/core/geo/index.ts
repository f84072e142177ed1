/** Offline IP-to-country lookup over the table that scripts/build-geo.js builds (pure). */
export { createCountryLookup, countryLookupFor, type CountryLookup } from "./lookup.js";
export { readGeoTable, crc32, GEO_FORMAT_VERSION, type GeoTable, type GeoSource } from "./format.js";
export { GEO_ATTRIBUTION } from "./attribution.js";

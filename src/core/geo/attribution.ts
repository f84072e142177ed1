import { localized, type Localized } from "../i18n.js";

/**
 * DB-IP Lite is licensed CC BY 4.0 on condition of attribution: wherever a country from it is
 * shown, "IP Geolocation by DB-IP" must appear with a link to db-ip.com (their wording, kept
 * verbatim in both languages; the Japanese adds what it is for).
 */
export const GEO_ATTRIBUTION: {
  readonly text: Localized;
  readonly url: string;
  readonly licence: string;
} = {
  text: localized("IP Geolocation by DB-IP(送信元の国の判定に使用)", "IP Geolocation by DB-IP"),
  url: "https://db-ip.com",
  licence: "CC BY 4.0",
};

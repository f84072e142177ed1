/**
 * Link hosts that are not the destination a link claims but are not evidence of an attack
 * either. Kept as small, commented data: every entry says why it is here. Matching is by
 * registrable domain or label-aligned subdomain, never by string prefix.
 */
import { isSameOrSubdomain, isUnderAnyOf } from "../net/domain.js";

/**
 * Click-tracking redirectors of mail-sending services. Newsletters and notifications rewrite
 * every link so the sender can count clicks; the tracker then redirects to the sender's site.
 * A link to a tracker therefore says nothing about where it ends, and "the text shows no URL and
 * the link leaves the sender's domain" is true of nearly every legitimate newsletter. These
 * hosts are not evidence on their own; a tracker link whose visible text claims a *different*
 * site still is (LINK_TEXT_MISMATCH).
 *
 * Own-domain tracking ("click.example.com" for mail from example.com) needs no entry: it is the
 * sender's registrable domain already.
 */
export const TRACKER_DOMAINS: readonly string[] = [
  "sendgrid.net", // Twilio SendGrid: u1234567.ct.sendgrid.net/ls/click?…
  "list-manage.com", // Mailchimp: <account>.us1.list-manage.com/track/click?…
  "mcusercontent.com", // Mailchimp: files the newsletter's author uploaded (PDF flyers, images)
  "campaign-archive.com", // Mailchimp: "view this email in your browser"
  "mailchi.mp", // Mailchimp: hosted copy of the campaign
  "exct.net", // Salesforce Marketing Cloud (ExactTarget): click.s7.exct.net, cl.exct.net
  "exacttarget.com", // Salesforce Marketing Cloud, older tracking host
  "hubspotlinks.com", // HubSpot marketing email click tracking
  "hubspotemail.net", // HubSpot transactional/marketing tracking
  "awstrack.me", // Amazon SES click tracking: <id>.r.<region>.awstrack.me/L0/…
  "rs6.net", // Constant Contact: r20.rs6.net/tn.jsp?…
  "createsend.com", // Campaign Monitor
  "createsend1.com", // Campaign Monitor
  "cmail19.com", // Campaign Monitor tracking domains
  "cmail20.com",
  "mandrillapp.com", // Mailchimp Transactional (Mandrill) click tracking
  "sparkpostmail.com", // SparkPost click tracking
  "pstmrk.it", // Postmark link tracking
  "klclick.com", // Klaviyo click tracking
  "bmetrack.com", // Benchmark Email click tracking
  "cuenote.jp", // Cuenote (Japanese ESP) click counting
  "doubleclick.net", // Google Marketing Platform ad-click redirects in sponsored newsletter slots
];

const TRACKERS: ReadonlySet<string> = new Set(TRACKER_DOMAINS);

export function isTrackerHost(host: string | null | undefined): boolean {
  return !!host && isUnderAnyOf(host, TRACKERS);
}

/**
 * Redirectors of social networks: t.co wraps every link posted on X (Twitter), lnkd.in every
 * link shared on LinkedIn, and their notification mail uses them. Anyone can make one point
 * anywhere by posting a link, and phishing uses them as shorteners — so they count as shorteners,
 * except in mail from the network that owns them.
 */
export const PLATFORM_REDIRECTORS: Readonly<Record<string, readonly string[]>> = {
  "t.co": ["twitter.com", "x.com"],
  "lnkd.in": ["linkedin.com"],
};

/** Registrable domains of the platform owning this redirector host, or undefined. */
export function redirectorOwners(host: string | null | undefined): readonly string[] | undefined {
  if (!host) return undefined;
  for (const [redirector, owners] of Object.entries(PLATFORM_REDIRECTORS)) if (isSameOrSubdomain(host, redirector)) return owners;
  return undefined;
}

/**
 * Public URL shorteners: anyone can create a link that redirects anywhere, so the mail shows a
 * neutral name instead of the destination. Brand shorteners that only point into their own
 * brand's site are deliberately absent (amzn.to → Amazon, youtu.be → YouTube).
 */
export const SHORTENER_HOSTS: readonly string[] = [
  "bit.ly", "bitly.com", "j.mp", // Bitly (bitly.com also serves short links)
  "tinyurl.com",
  "ow.ly", // Hootsuite
  "buff.ly", // Buffer
  "is.gd", "v.gd",
  "goo.gl", // Google's retired shortener: old links still redirect
  "x.gd",
  "cutt.ly",
  "rebrand.ly",
  "shorturl.at",
  "t.ly",
  "rb.gy",
  "tiny.cc",
  "s.id",
  "shorte.st", // pays per click: favoured by spam
  "adf.ly",
  "qrco.de", // QR-code generators' redirect hosts (QR phishing lands on these)
  "bl.ink",
  "clck.ru",
  "u.to",
  ...Object.keys(PLATFORM_REDIRECTORS),
];

const SHORTENERS: ReadonlySet<string> = new Set(SHORTENER_HOSTS);

export function isShortenerHost(host: string | null | undefined): boolean {
  return !!host && isUnderAnyOf(host, SHORTENERS);
}

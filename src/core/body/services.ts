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

/**
 * Free hosting services where anyone can publish a site under the service's name in minutes,
 * with no check of who they are: the host name says nothing about who runs the site, and
 * credential-phishing pages are put there because the service's reputation carries them past
 * filters. Left out on purpose: general blog platforms and code hosting (github.io), whose sites
 * fill legitimate mail.
 *
 * Each customer's site is a subdomain of these ("acme.pages.dev"); the service's own site
 * ("pages.dev") is not a customer's.
 */
export const FREE_SITE_DOMAINS: readonly string[] = [
  "pages.dev", "workers.dev", "trycloudflare.com", // Cloudflare Pages, Workers, quick tunnels
  "firebaseapp.com", "web.app", "appspot.com", // Google Firebase Hosting, App Engine
  "web.core.windows.net", "azurewebsites.net", "azurestaticapps.net", // Azure static websites, App Service
  "amplifyapp.com", // AWS Amplify
  "netlify.app", "vercel.app", "glitch.me", "herokuapp.com", "onrender.com", "fly.dev", "surge.sh",
  "repl.co", "replit.app", "replit.dev",
  "000webhostapp.com", "weebly.com", "weeblysite.com", "wixsite.com", "webflow.io", "godaddysites.com", "square.site",
  "carrd.co", "notion.site", "framer.app", "framer.website", "jimdosite.com", "mystrikingly.com", "yolasite.com",
  "dweb.link", // IPFS gateway by subdomain: content no one can take down
  "ngrok.io", "ngrok.app", "ngrok-free.app", // tunnels to someone's own machine
];

/** The same kind of service where the customer's site sits under the service's own host, by path ("sites.google.com/view/…"). */
export const FREE_SITE_PATH_HOSTS: readonly string[] = [
  "sites.google.com", "script.google.com", // Google Sites, Apps Script web apps
  "ipfs.io", "cloudflare-ipfs.com", // IPFS gateways by path
];

/**
 * Public cloud storage: anyone's bucket, by subdomain ("acct.blob.core.windows.net", "pub-….r2.dev",
 * "bucket.s3.amazonaws.com") or by path ("storage.googleapis.com/bucket/…"). Companies link to
 * files there (brochures, images); a web page served from a bucket is how phishing borrows the
 * cloud provider's name.
 */
export const CLOUD_STORAGE_HOSTS: readonly string[] = [
  "storage.googleapis.com", "firebasestorage.googleapis.com", // Google Cloud Storage, Firebase Storage
  "s3.amazonaws.com", // Amazon S3 (global endpoint: path or bucket subdomain)
  "blob.core.windows.net", // Azure Blob Storage
  "r2.dev", // Cloudflare R2 public buckets
];

const FREE_SITES: ReadonlySet<string> = new Set(FREE_SITE_DOMAINS);
const FREE_SITE_PATHS: ReadonlySet<string> = new Set(FREE_SITE_PATH_HOSTS);
const CLOUD_STORAGE: ReadonlySet<string> = new Set(CLOUD_STORAGE_HOSTS);

/**
 * What kind of free hosting a host is: "site" for a customer's site on a free hosting service (a
 * subdomain of FREE_SITE_DOMAINS, or a FREE_SITE_PATH_HOSTS host), "storage" for public cloud
 * storage, undefined otherwise.
 */
export function freeHostingKind(host: string | null | undefined): "site" | "storage" | undefined {
  if (!host) return undefined;
  if (isUnderAnyOf(host, FREE_SITE_PATHS)) return "site";
  const dot = host.indexOf(".");
  if (dot > 0 && isUnderAnyOf(host.slice(dot + 1), FREE_SITES)) return "site";
  return isUnderAnyOf(host, CLOUD_STORAGE) ? "storage" : undefined;
}

/**
 * File sharing services: a link there is how a file is sent without attaching it. Matched by
 * host, label-aligned ("drive.google.com", not every google.com page).
 */
export const FILE_SHARING_HOSTS: readonly string[] = [
  "drive.google.com", "docs.google.com", // Google Drive files and Docs
  "dropbox.com", "dropboxusercontent.com", "db.tt",
  "onedrive.live.com", "1drv.ms", "sharepoint.com", // OneDrive and SharePoint shares
  "icloud.com", // iCloud Drive links (icloud.com/iclouddrive/…)
  "box.com", "wetransfer.com", "we.tl", "mega.nz", "mediafire.com", "sendspace.com", "gofile.io", "pixeldrain.com",
  "4shared.com", "transfernow.net", "filetransfer.io", "fromsmash.com", "swisstransfer.com",
];

const FILE_SHARING: ReadonlySet<string> = new Set(FILE_SHARING_HOSTS);

export function isFileSharingHost(host: string | null | undefined): boolean {
  return !!host && isUnderAnyOf(host, FILE_SHARING);
}

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
 * Free hosting and storage services where anyone can publish a page under the service's name
 * in minutes, with no check of who they are: the host name says nothing about who runs the
 * site, and credential-phishing pages are put there because the service's reputation carries
 * them past filters. Left out on purpose: general blog platforms and code hosting (github.io),
 * whose sites fill legitimate mail, and storage hosts that mail uses for images rather than pages.
 *
 * Each customer's site is a subdomain of these ("acme.pages.dev"); the service's own site
 * ("pages.dev") is not a customer's.
 */
export const FREE_HOSTING_DOMAINS: readonly string[] = [
  "pages.dev", "workers.dev", "r2.dev", "trycloudflare.com", // Cloudflare Pages, Workers, R2 buckets, quick tunnels
  "firebaseapp.com", "web.app", "appspot.com", // Google Firebase Hosting, App Engine
  "web.core.windows.net", "blob.core.windows.net", "azurewebsites.net", "azurestaticapps.net", // Azure static sites, blob storage, App Service
  "amplifyapp.com", // AWS Amplify
  "netlify.app", "vercel.app", "glitch.me", "herokuapp.com", "onrender.com", "fly.dev", "surge.sh",
  "repl.co", "replit.app", "replit.dev",
  "000webhostapp.com", "weebly.com", "weeblysite.com", "wixsite.com", "webflow.io", "godaddysites.com", "square.site",
  "carrd.co", "notion.site", "framer.app", "framer.website", "jimdosite.com", "mystrikingly.com", "yolasite.com",
  "dweb.link", // IPFS gateway by subdomain: content no one can take down
  "ngrok.io", "ngrok.app", "ngrok-free.app", // tunnels to someone's own machine
];

/**
 * The same kind of service where the customer's content sits under the service's own host, by
 * path: "sites.google.com/view/…", "storage.googleapis.com/bucket/…", "ipfs.io/ipfs/…".
 * Here the host itself (and any subdomain, "bucket.s3.amazonaws.com") counts.
 */
export const FREE_HOSTING_PATH_HOSTS: readonly string[] = [
  "sites.google.com", "script.google.com", // Google Sites, Apps Script web apps
  "storage.googleapis.com", "firebasestorage.googleapis.com", // Google Cloud Storage, Firebase Storage
  "s3.amazonaws.com", // Amazon S3 (global endpoint, path or bucket subdomain)
  "ipfs.io", "cloudflare-ipfs.com", // IPFS gateways by path
];

const FREE_HOSTING: ReadonlySet<string> = new Set(FREE_HOSTING_DOMAINS);
const FREE_HOSTING_PATHS: ReadonlySet<string> = new Set(FREE_HOSTING_PATH_HOSTS);

/** A customer's site on a free hosting service: a subdomain of FREE_HOSTING_DOMAINS, or a FREE_HOSTING_PATH_HOSTS host. */
export function isFreeHostingHost(host: string | null | undefined): boolean {
  if (!host) return false;
  if (isUnderAnyOf(host, FREE_HOSTING_PATHS)) return true;
  const dot = host.indexOf(".");
  return dot > 0 && isUnderAnyOf(host.slice(dot + 1), FREE_HOSTING);
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
  "4shared.com", "transfernow.net", "filetransfer.io", "smash.gg", "swisstransfer.com",
];

const FILE_SHARING: ReadonlySet<string> = new Set(FILE_SHARING_HOSTS);

export function isFileSharingHost(host: string | null | undefined): boolean {
  return !!host && isUnderAnyOf(host, FILE_SHARING);
}

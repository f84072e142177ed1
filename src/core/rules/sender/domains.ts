import { registrableDomain } from "../../net/domain.js";

/**
 * Domain lists the sender rules share: free mail services (anyone can open an account), and the
 * mail platforms that send on behalf of others under their own domains (so a Message-ID or a
 * bounce address on their domain is normal, not a sign of forgery).
 */

/** Free mail services, by registrable domain. Japanese carrier mail included (docomo, au, SoftBank), and big access providers' consumer mail. */
const FREEMAIL = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "ymail.com", "rocketmail.com", "aol.com", "aim.com",
  "outlook.com", "outlook.jp", "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "passport.com",
  "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "tutanota.com", "tuta.io", "zoho.com",
  "zohomail.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "email.com", "usa.com", "yandex.com", "yandex.ru",
  "ya.ru", "mail.ru", "inbox.ru", "bk.ru", "list.ru", "rambler.ru", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
  "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "naver.com", "daum.net", "hanmail.net", "rediffmail.com",
  "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "disney.ne.jp", "ybb.ne.jp", "excite.co.jp",
  "infoseek.jp", "goo.jp", "livedoor.com", "nifty.com", "libero.it", "laposte.net", "orange.fr", "free.fr", "t-online.de",
  "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "terra.com.br", "bol.com.br", "uol.com.br", "btinternet.com", "comcast.net",
  "att.net", "sbcglobal.net", "verizon.net", "cox.net", "earthlink.net", "juno.com", "netzero.net", "optonline.net",
  "bigpond.com", "hushmail.com", "fastmail.com", "fastmail.fm", "mail2world.com", "lycos.com", "excite.com", "hotmail.fr",
  "hotmail.co.uk", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.com.tw", "yahoo.com.hk", "yahoo.com.cn", "yahoo.co.in",
  // Consumer mailboxes of the large access providers: personal accounts, not any company's domain.
  "bluewin.ch", "sunrise.ch", "sfr.fr", "wanadoo.fr", "neuf.fr", "virgilio.it", "tiscali.it", "alice.it", "tin.it", "ziggo.nl",
  "telenet.be", "skynet.be", "freenet.de", "arcor.de", "onet.pl", "op.pl", "centrum.cz", "post.cz", "abv.bg", "shaw.ca",
  "rogers.com", "sympatico.ca", "optusnet.com.au", "xtra.co.nz",
]);

/** Country variants of the big services: yahoo.<cc>, hotmail.<cc>, outlook.<cc>, live.<cc>, gmx.<cc>, yandex.<cc>. */
const FREEMAIL_BRANDS = new Set(["yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "windowslive"]);

/**
 * A mailbox domain of a free mail service. Exact host only: "returns.groups.yahoo.com" is a
 * list service's bounce host, not somebody's free mailbox.
 */
export function isFreemail(host: string | null | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/\.$/, "");
  if (FREEMAIL.has(h)) return true;
  const reg = registrableDomain(h);
  return reg === h && FREEMAIL_BRANDS.has(reg.split(".")[0]!);
}

/** The free mail service's own brand names, so "Microsoft Outlook <postmaster@outlook.com>" is no claim. */
const PROVIDER_BRANDS: Readonly<Record<string, readonly string[]>> = {
  outlook: ["microsoft", "outlook", "office365", "hotmail"],
  hotmail: ["microsoft", "outlook", "office365", "hotmail"],
  live: ["microsoft", "outlook", "office365", "hotmail"],
  msn: ["microsoft", "outlook", "office365", "hotmail"],
  icloud: ["apple", "icloud"],
  me: ["apple", "icloud"],
  mac: ["apple", "icloud"],
};

export function providerBrands(host: string | null | undefined): readonly string[] {
  const reg = registrableDomain(host ?? null);
  return reg ? (PROVIDER_BRANDS[reg.split(".")[0]!] ?? []) : [];
}

/**
 * Mail platforms that generate Message-IDs and bounce addresses on their own domains for the
 * mail they send for customers: hosted mailboxes (Exchange Online, Google, Yahoo, Apple),
 * bulk and transactional services (SendGrid, Mailchimp, Amazon SES, ...), CRM and ticketing.
 */
const MAIL_PLATFORMS = new Set([
  "outlook.com", "office365.com", "exchangelabs.com", "microsoft.com", "hotmail.com", "gmail.com", "google.com", "googlemail.com",
  "yahoo.com", "yahoo.co.jp", "yahoodns.net", "icloud.com", "me.com", "mac.com", "apple.com", "aol.com", "zoho.com", "yandex.ru",
  "amazonses.com", "amazon.com", "sendgrid.net", "sendgrid.com", "mailchimp.com", "mcsv.net", "rsgsv.net", "mcdlv.net",
  "mandrillapp.com", "mailgun.org", "mailgun.net", "mailgun.info", "sparkpostmail.com", "sparkpost.com", "postmarkapp.com",
  "mtasv.net", "mailjet.com", "sendinblue.com", "brevo.com", "sendibt2.com", "sendibt3.com", "constantcontact.com", "ccsend.com",
  "ctctcdn.com", "exacttarget.com", "salesforce.com", "force.com", "marketo.org", "mktomail.com", "hubspot.com", "hubspotemail.net",
  "hs-analytics.net", "klaviyomail.com", "klaviyo.com", "zendesk.com", "freshdesk.com", "intercom-mail.com", "intercom.io",
  "helpscout.net", "atlassian.net", "atlassian.com", "github.com", "gitlab.com", "facebookmail.com", "linkedin.com", "twitter.com",
  "x.com", "smtp.com", "emsend.com", "cmail19.com", "cmail20.com", "createsend.com", "campaignmonitor.com", "aweber.com",
  "getresponse.com", "mailerlite.com", "mlsend.com", "customeriomail.com", "benchmarkemail.com", "icontact.com", "vresp.com",
  "bronto.com", "cheetahmail.com", "epsilon.com", "responsys.net", "rsys2.com", "rsys5.com", "pardot.com", "eloqua.com",
  "en25.com", "qualtrics-survey.com", "surveymonkey.com", "docusign.net", "docusign.com", "paypal.com", "shopify.com",
  "shopifyemail.com", "mailsuite.com", "mail.ru", "qq.com", "naver.com", "cuenote.jp", "bme.jp", "blastmail.jp",
  "mpse.jp", "hde.co.jp", "smtps.jp", "kagoya.net", "sakura.ne.jp", "xserver.jp", "lolipop.jp", "gmoserver.jp", "secureserver.net",
  "protonmail.ch", "messagingengine.com", "fastmail.com", "mimecast.com", "pphosted.com", "barracuda.com", "messagelabs.com",
  "yahoogroups.com", "googlegroups.com", "groups.io", "listserv.net", "sourceforge.net", "lists.sourceforge.net",
]);

export function isMailPlatform(host: string | null | undefined): boolean {
  if (!host) return false;
  const reg = registrableDomain(host.toLowerCase());
  return !!reg && (MAIL_PLATFORMS.has(reg) || FREEMAIL.has(reg));
}

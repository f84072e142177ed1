import { registrableDomain } from "../../net/domain.js";
import { foldForMatching } from "../../text/obfuscation.js";

/**
 * Organisations whose names phishing puts in the display name most often, with the first
 * labels of the registrable domains they really send from. A display name naming one of them
 * while the address is on another domain is the commonest impersonation there is.
 *
 * Names are matched as whole words (Latin script, case-insensitive, after NFKC) or as
 * substrings (Japanese). Words that are also common given names, surnames or everyday words
 * ("Chase", "Norton", "Meta", "Outlook", "UPS") are only matched in unambiguous phrases, or,
 * for the few that are rarely anyone's whole name, when the word is the whole display name
 * ("Norton <x@example.net>"; not "Chase", a common first name).
 * Domains are matched by the first label of the From address's registrable domain, exactly or
 * followed by "-" ("rakuten-card.co.jp"); look-alike domains are LOOKALIKE_SENDER_DOMAIN's job.
 */
interface Brand {
  readonly names: readonly string[];
  /** Ambiguous words that name the brand only when they are the whole display name ("Norton", "Ledger"). */
  readonly alone?: readonly string[];
  readonly labels: readonly string[];
}

const BRANDS: readonly Brand[] = [
  { names: ["paypal"], labels: ["paypal", "paypal-communication", "xoom"] },
  { names: ["amazon", "amazon.co.jp", "amazon.com", "prime video", "アマゾン"], labels: ["amazon", "amazonaws", "aws", "primevideo", "audible", "a2z", "amazonses"] },
  { names: ["apple", "icloud", "itunes", "app store", "apple id"], labels: ["apple", "icloud", "me", "mac", "itunes"] },
  {
    names: ["microsoft", "office 365", "office365", "microsoft 365", "onedrive", "sharepoint", "hotmail", "windows live"],
    labels: ["microsoft", "office", "office365", "outlook", "live", "hotmail", "msn", "microsoftonline", "sharepoint", "sharepointonline", "onedrive", "skype", "xbox", "bing", "azure", "microsoft365", "windows", "microsoftstore"],
  },
  { names: ["netflix"], labels: ["netflix"] },
  { names: ["google", "gmail", "youtube"], labels: ["google", "gmail", "googlemail", "youtube", "withgoogle", "googlegroups"] },
  { names: ["facebook", "instagram", "whatsapp"], labels: ["facebook", "facebookmail", "instagram", "whatsapp", "meta", "metamail"] },
  { names: ["linkedin"], labels: ["linkedin"] },
  { names: ["dhl"], labels: ["dhl"] },
  { names: ["fedex"], labels: ["fedex"] },
  { names: ["usps"], labels: ["usps"] },
  { names: ["royal mail"], labels: ["royalmail"] },
  { names: ["postnl"], labels: ["postnl"] },
  { names: ["correios"], labels: ["correios"] },
  { names: ["docusign"], labels: ["docusign"] },
  { names: ["dropbox"], labels: ["dropbox", "dropboxmail"] },
  { names: ["adobe"], labels: ["adobe", "adobesign", "echosign"] },
  { names: ["coinbase"], labels: ["coinbase"] },
  { names: ["binance"], labels: ["binance"] },
  { names: ["metamask"], labels: ["metamask"] },
  { names: ["ledger live", "ledger wallet"], alone: ["ledger"], labels: ["ledger"] },
  { names: ["ebay"], labels: ["ebay"] },
  { names: ["walmart"], labels: ["walmart"] },
  { names: ["costco"], labels: ["costco"] },
  { names: ["mastercard"], labels: ["mastercard"] },
  { names: ["visa"], labels: ["visa"] },
  { names: ["american express", "amex"], labels: ["americanexpress", "amex", "aexp"] },
  { names: ["chase bank", "jpmorgan chase", "chase online"], labels: ["chase", "jpmorgan", "jpmchase"] },
  { names: ["wells fargo"], labels: ["wellsfargo"] },
  { names: ["bank of america"], labels: ["bankofamerica", "bofa"] },
  { names: ["citibank"], labels: ["citi", "citibank"] },
  { names: ["hsbc"], labels: ["hsbc"] },
  { names: ["barclays"], labels: ["barclays"] },
  { names: ["santander"], labels: ["santander"] },
  { names: ["bbva"], labels: ["bbva"] },
  { names: ["bradesco"], labels: ["bradesco"] },
  { names: ["itau", "itaú"], labels: ["itau"] },
  { names: ["norton antivirus", "norton 360", "norton lifelock"], alone: ["norton"], labels: ["norton", "nortonlifelock"] },
  { names: ["mcafee"], labels: ["mcafee"] },
  { names: ["geek squad"], labels: ["geeksquad", "bestbuy"] },
  { names: ["楽天", "rakuten"], labels: ["rakuten"] },
  { names: ["メルカリ", "mercari"], labels: ["mercari"] },
  { names: ["ゆうちょ", "日本郵便", "japan post"], labels: ["japanpost", "jp-bank"] },
  { names: ["ヤマト運輸", "クロネコヤマト"], labels: ["kuronekoyamato", "yamato-hd"] },
  { names: ["佐川急便"], labels: ["sagawa-exp"] },
  { names: ["ドコモ", "nttdocomo"], labels: ["docomo", "nttdocomo"] },
  { names: ["三菱ufj", "mufg"], labels: ["mufg"] },
  { names: ["みずほ銀行", "mizuho"], labels: ["mizuhobank", "mizuho-fg", "mizuho-sc"] },
  { names: ["三井住友銀行", "三井住友カード", "smbc"], labels: ["smbc", "vpass", "smbc-card"] },
  { names: ["エポスカード"], labels: ["eposcard"] },
  { names: ["セゾンカード"], labels: ["saisoncard", "saison"] },
  { names: ["えきねっと"], labels: ["eki-net", "jreast"] },
  { names: ["国税庁"], labels: ["nta"] },
  { names: ["jcb"], labels: ["jcb"] },
];

function latinWords(text: string): string {
  // " word word " with every run of what is not a letter or digit turned into a single space.
  // One pass: testing the end of a string grown by += flattens it each time, which a
  // 300,000-character subject turned into 25 seconds (found by the fuzzer).
  // A possessive is the name itself ("Amazon's Billing", "Prime's Video").
  return ` ${text.replace(/['’]s(?![\p{L}\p{N}])/gu, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

function hasJapanese(name: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(name);
}

/**
 * Every brand name with how it is looked for, in list order: Japanese names and dotted names
 * ("amazon.co.jp") as substrings, words as whole words (" name " in latinWords' form).
 */
const NAME_PATTERNS = BRANDS.flatMap((brand) =>
  brand.names.map((name) => ({ name, labels: brand.labels, substring: hasJapanese(name) || name.includes("."), word: ` ${name} ` })),
);

/** The whole-name words of `alone`, in latinWords' form (" norton "). */
const ALONE_NAMES = new Map(BRANDS.flatMap((brand) => (brand.alone ?? []).map((name): [string, { name: string; labels: readonly string[] }] => [` ${name} `, { name, labels: brand.labels }])));

/** The brand a display name names, if any (the first in list order). */
export function brandNamed(displayName: string): { readonly name: string; readonly labels: readonly string[] } | undefined {
  // As a person reads it: NFKC plus hidden characters and stacked marks removed.
  const normalized = foldForMatching(displayName).toLowerCase();
  const words = latinWords(normalized);
  for (const { name, labels, substring, word } of NAME_PATTERNS) {
    if (substring ? normalized.includes(name) : words.includes(word)) return { name, labels };
  }
  return ALONE_NAMES.get(words);
}

/** The host's registrable domain belongs to the brand (first label equal, or followed by "-"). */
export function isBrandDomain(host: string, labels: readonly string[]): boolean {
  const reg = registrableDomain(host);
  if (!reg) return false;
  const first = reg.split(".")[0]!;
  return labels.some((l) => first === l || first.startsWith(`${l}-`));
}

/** The labels of the brand whose own domain this host is on, if any ("bbva.mx" → ["bbva"]). */
export function brandLabelsOfDomain(host: string): readonly string[] | undefined {
  return BRANDS.find((brand) => isBrandDomain(host, brand.labels))?.labels;
}

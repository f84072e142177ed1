/**
 * Inline mail builders for the sender-rule tests: a message as Exchange Online or a Postfix MX
 * would deliver it, with the receiver's Authentication-Results above the origin hop.
 * Our own minimal fixtures; documentation and seed-example addresses only.
 */
import type { Analysis } from "../../../src/core/analysis.js";
import type { Config } from "../../../src/core/config.js";
import type { Rule } from "../../../src/core/rule.js";
import { snapshotFromEml } from "../../../src/hosts/eml/index.js";
import { eml, runRules } from "../../helpers/build.js";

export const GEO: Record<string, string> = {
  "60.26.146.1": "CN",
  "133.0.0.1": "JP",
  "81.2.69.160": "GB",
  "52.100.1.1": "US",
  "209.85.220.41": "US",
};
export const lookupCountry = (ip: string): string | undefined => GEO[ip];

export interface MailOptions {
  /** The address that handed the mail to the receiver. */
  readonly ip?: string;
  /** HELO / reverse name of that address. */
  readonly helo?: string;
  /** The receiver's Authentication-Results value (Microsoft 365 form, no authserv-id); none when undefined. */
  readonly auth?: string;
  /** Exchange Online's Forefront header. */
  readonly forefront?: string;
  /** More header lines, after the routing ones. */
  readonly headers?: readonly string[];
  readonly body?: string;
}

/** A message as Exchange Online delivers it: internal hops, A-R, then the origin hop. */
export function o365(options: MailOptions = {}): string {
  const ip = options.ip ?? "60.26.146.1";
  const lines = [
    "Received: from MN2PR19MB3966.namprd19.prod.outlook.com (::1) by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS; Thu, 3 Nov 2022 04:56:17 +0000",
    "Received: from VI1EUR05FT048.eop-eur05.prod.protection.outlook.com (2603:10a6:20b:100::4) by AM7PR02CA0005.outlook.office365.com (2603:10a6:20b:100::15) with Microsoft SMTP Server id 15.20.5791.22 via Frontend Transport; Thu, 3 Nov 2022 04:56:16 +0000",
  ];
  if (options.auth !== undefined) lines.push(`Authentication-Results: ${options.auth}`);
  lines.push(
    `Received: from ${options.helo ?? "mail.sender.example"} (${ip}) by VI1EUR05FT048.mail.protection.outlook.com (10.233.243.188) with Microsoft SMTP Server id 15.20.5791.20 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000`,
  );
  lines.push(...(options.headers ?? []));
  if (options.forefront !== undefined) lines.push(`X-Forefront-Antispam-Report: ${options.forefront}`);
  return eml(lines, options.body ?? "Hello.\r\n");
}

/** A message as a Postfix MX delivers it (no authentication results unless given). */
export function postfix(options: MailOptions & { readonly authservId?: string } = {}): string {
  const ip = options.ip ?? "60.26.146.1";
  const lines = [
    `Received: from ${options.helo ?? "mail.sender.example"} (${options.helo ?? "mail.sender.example"} [${ip}]) by mx.example.co.jp (Postfix) with ESMTPS id 4N1j; Thu, 3 Nov 2022 13:56:15 +0900`,
  ];
  if (options.auth !== undefined) lines.push(`Authentication-Results: ${options.authservId ?? "mx.example.co.jp"}; ${options.auth}`);
  lines.push(...(options.headers ?? []));
  return eml(lines, options.body ?? "Hello.\r\n");
}

export const PASS = "spf=pass (sender IP is 60.26.146.1) smtp.mailfrom=sender.example; dkim=pass (signature was verified) header.d=sender.example;dmarc=pass action=none header.from=sender.example;compauth=pass reason=100";

export async function check(source: string, rules: readonly Rule[], config?: Config): Promise<Analysis> {
  return runRules(await snapshotFromEml(source), rules, config, { lookupCountry });
}

export function severityOf(analysis: Analysis, id: string): string | undefined {
  return analysis.findings.find((f) => f.id === id)?.severity;
}

export function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.code);
}

export const ORG: Config = { organization: { domains: ["example.co.jp"], country: "JP" } };

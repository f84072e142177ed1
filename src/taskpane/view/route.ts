/**
 * The route picture: the servers a mail passed through, oldest first, from the (claimed) sending
 * machine to the organisation's mailbox server. Hops below the origin were written by outside
 * servers and can be forged: they are drawn dashed, labelled "unverified" and carry
 * data-verified="false". The origin — the machine that handed the mail to the organisation — is
 * highlighted with its country. Countries from the offline IP database carry DB-IP's attribution
 * (its licence requires it wherever one is shown); the caller adds it once per section.
 */
import type { AuthenticationSummary, ReceivedHop, Route } from "../../core/analysis.js";
import { AUTH_RESULT_TEXT, UI } from "../../ui/strings.js";
import type { ViewContext } from "./context.js";
import { countryName, mailText, visiblePieces } from "./text.js";

type HopKind = "claimed" | "origin" | "received";

/** What may go into data-country: the lookup's codes. Anything else (a forged header) is shown as text only. */
const COUNTRY_TOKEN = /^(?:[A-Z]{2}|private|special)$/;
/** Result keywords that may go into data-auth-result (RFC 8601 keywords are lower-case letters). */
const AUTH_TOKEN = /^[a-z]{1,20}$/;

/** A country code as shown: "CN 中国"; private and special-use addresses in words. */
function countryLabel(ctx: ViewContext, code: string): string {
  if (code === "private") return ctx.t(UI.countryPrivate);
  if (code === "special") return ctx.t(UI.countrySpecial);
  const name = countryName(code, ctx.lang);
  return name ? `${code} ${name}` : code;
}

/** A real country code (not "private"/"special"), i.e. one that came from a lookup or Microsoft 365. */
export function isCountryCode(code: string | undefined): code is string {
  return code !== undefined && code !== "private" && code !== "special";
}

/** Whether the route shows any country that came from the IP database (DB-IP attribution needed). */
export function routeShowsLookupCountry(route: Route): boolean {
  const origin = route.origin;
  if (origin && (origin.countrySource === "lookup" || origin.countryByLookup !== undefined)) return true;
  return route.hops.some((hop) => isCountryCode(hop.fromCountry));
}

function countryBadge(ctx: ViewContext, code: string, emphasis: boolean): HTMLElement {
  const { h } = ctx;
  return h(
    "span",
    { class: emphasis ? "ctm-country ctm-country--origin" : "ctm-country", "data-country": COUNTRY_TOKEN.test(code) ? code : "other" },
    h("span", { class: "ctm-visually-hidden" }, `${ctx.t(UI.country)}: `),
    visiblePieces(ctx, countryLabel(ctx, code)),
  );
}

function hopNode(ctx: ViewContext, hop: ReceivedHop, kind: HopKind, route: Route): HTMLElement {
  const { h } = ctx;
  const origin = kind === "origin" ? route.origin : undefined;
  const tag =
    kind === "claimed" ? UI.hopClaimed : kind === "origin" ? (origin?.uncertain ? UI.hopOriginUncertain : UI.hopOrigin) : UI.hopReceived;
  const verified = !hop.unverified;
  const ip = hop.fromIp ?? (origin ? origin.ip : undefined);
  // The reverse-DNS name the receiving side recorded; else the address; the HELO name is only what the sender announced.
  const name = hop.fromHost ?? ip ?? hop.fromHelo;
  const country = origin?.country ?? hop.fromCountry;
  const lookupDiffers = origin && isCountryCode(origin.countryByLookup) && origin.countryByLookup !== origin.country;
  return h(
    "li",
    {
      class: `ctm-hop ctm-hop--${kind}${verified ? "" : " ctm-hop--unverified"}`,
      "data-hop-index": hop.index,
      "data-hop-kind": kind,
      "data-verified": verified ? "true" : "false",
    },
    h("span", { class: "ctm-hop__marker", "aria-hidden": "true" }),
    h(
      "div",
      { class: "ctm-hop__body" },
      h("span", { class: "ctm-hop__tag" }, ctx.t(tag)),
      !hop.parsed
        ? h("span", { class: "ctm-hop__name" }, ctx.t(UI.hopUnreadable), ": ", mailText(ctx, hop.raw.slice(0, 200)))
        : h("span", { class: name === ip ? "ctm-hop__name ctm-hop__ip" : "ctm-hop__name" }, name ? mailText(ctx, name) : ctx.t(UI.hopNoSender)),
      hop.parsed && hop.fromHelo && hop.fromHelo !== name &&
        h("span", { class: "ctm-hop__detail" }, ctx.t(UI.hopAnnounced, { helo: "" }), mailText(ctx, hop.fromHelo)),
      ((ip && ip !== name) || country) &&
        h(
          "span",
          { class: "ctm-hop__detail" },
          ip && ip !== name && h("span", { class: "ctm-hop__ip" }, h("span", { class: "ctm-visually-hidden" }, `${ctx.t(UI.ipAddress)}: `), mailText(ctx, ip)),
          ip && ip !== name && country && " ",
          country && countryBadge(ctx, country, kind === "origin"),
          origin?.countrySource === "forefront" && isCountryCode(origin.country) && h("span", { class: "ctm-note" }, ` (${ctx.t(UI.countryForefront)})`),
          lookupDiffers && h("span", { class: "ctm-note" }, " (", visiblePieces(ctx, ctx.t(UI.countryByLookup, { country: countryLabel(ctx, origin.countryByLookup!) })), ")"),
        ),
      (hop.authenticated || origin?.authenticated) && h("span", { class: "ctm-hop__detail" }, ctx.t(UI.hopAuthenticated)),
      h("span", { class: "ctm-hop__note" }, ctx.t(verified ? UI.hopVerifiedNote : UI.hopClaimedNote)),
    ),
  );
}

/** The route picture as an ordered list, oldest first, ending with the receiving server. */
export function renderRoute(ctx: ViewContext, route: Route): HTMLElement {
  const { h } = ctx;
  const headingId = ctx.id("route");
  const originIndex = route.origin?.hopIndex;
  // Hops are stored top first (index 0 = last server); people read a journey oldest first.
  const chronological = [...route.hops].reverse();
  const top = route.hops[0];
  const nodes: HTMLElement[] = [];
  if (route.claimedClientIp) {
    nodes.push(
      h(
        "li",
        { class: "ctm-hop ctm-hop--claimed ctm-hop--unverified", "data-hop-kind": "client", "data-verified": "false" },
        h("span", { class: "ctm-hop__marker", "aria-hidden": "true" }),
        h(
          "div",
          { class: "ctm-hop__body" },
          h("span", { class: "ctm-hop__tag" }, ctx.t(UI.hopClaimed)),
          h("span", { class: "ctm-hop__name" }, ctx.t(UI.claimedClient)),
          h("span", { class: "ctm-hop__detail" }, h("span", { class: "ctm-visually-hidden" }, `${ctx.t(UI.ipAddress)}: `), mailText(ctx, route.claimedClientIp)),
          h("span", { class: "ctm-hop__note" }, ctx.t(UI.hopClaimedNote)),
        ),
      ),
    );
  }
  for (const hop of chronological) {
    const kind: HopKind = hop.index === originIndex ? "origin" : hop.unverified ? "claimed" : "received";
    nodes.push(hopNode(ctx, hop, kind, route));
  }
  if (top?.by) {
    nodes.push(
      h(
        "li",
        { class: "ctm-hop ctm-hop--delivered", "data-hop-kind": "delivered", "data-verified": "true" },
        h("span", { class: "ctm-hop__marker", "aria-hidden": "true" }),
        h(
          "div",
          { class: "ctm-hop__body" },
          h("span", { class: "ctm-hop__tag" }, ctx.t(UI.delivered)),
          h("span", { class: "ctm-hop__name" }, mailText(ctx, top.by)),
        ),
      ),
    );
  }
  return h(
    "div",
    { class: "ctm-block", role: "group", "aria-labelledby": headingId },
    h("h3", { class: "ctm-block__heading", id: headingId }, ctx.t(UI.routeHeading)),
    route.hops.length === 0
      ? h("p", { class: "ctm-empty" }, ctx.t(UI.noHops))
      : [
          h("p", { class: "ctm-note" }, ctx.t(UI.routeIntro)),
          h("ol", { class: "ctm-route" }, nodes),
          !route.origin && h("p", { class: "ctm-note" }, ctx.t(UI.originUnknown)),
        ],
  );
}

type AuthOutcome = "good" | "bad" | "neutral" | "absent";
const BAD_RESULTS: ReadonlySet<string> = new Set(["fail", "hardfail", "softfail", "permerror", "policy"]);
const AUTH_GLYPH: Readonly<Record<AuthOutcome, string>> = { good: "✓", bad: "✕", neutral: "–", absent: "?" };

function outcome(result: string | undefined): AuthOutcome {
  if (result === undefined) return "absent";
  if (result === "pass" || result === "bestguesspass") return "good";
  return BAD_RESULTS.has(result) ? "bad" : "neutral";
}

/** SPF / DKIM / DMARC (and Microsoft's composite authentication when present) as three or four labelled pills. */
export function renderAuthentication(ctx: ViewContext, auth: AuthenticationSummary): HTMLElement {
  const { h } = ctx;
  const headingId = ctx.id("auth");
  const methods = (["spf", "dkim", "dmarc", "compauth"] as const).filter((m) => m !== "compauth" || auth.compauth !== undefined);
  return h(
    "div",
    { class: "ctm-block", role: "group", "aria-labelledby": headingId },
    h("h3", { class: "ctm-block__heading", id: headingId }, ctx.t(UI.authHeading)),
    h(
      "ul",
      { class: "ctm-auth" },
      methods.map((method) => {
        const result = auth[method];
        const kind = outcome(result);
        // Own keys only: the keyword is written by whoever wrote the header ("dkim=constructor").
        const known = result !== undefined && Object.hasOwn(AUTH_RESULT_TEXT, result) ? AUTH_RESULT_TEXT[result] : undefined;
        const word = ctx.t(
          result === undefined ? UI.authNotChecked : (known ?? (kind === "good" ? UI.authGood : kind === "bad" ? UI.authBad : UI.authNeutral)),
        );
        return h(
          "li",
          { class: `ctm-auth__item ctm-auth__item--${kind}`, "data-auth-method": method, "data-auth-result": result === undefined ? "absent" : AUTH_TOKEN.test(result) ? result : "other" },
          h("span", { class: "ctm-auth__icon", "aria-hidden": "true" }, AUTH_GLYPH[kind]),
          h("span", { class: "ctm-auth__method" }, method === "compauth" ? "compauth" : method.toUpperCase()),
          " ",
          h("span", { class: "ctm-auth__word" }, word),
          result !== undefined && result !== word && h("span", { class: "ctm-auth__result" }, " ", mailText(ctx, result)),
        );
      }),
    ),
  );
}

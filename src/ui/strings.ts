/**
 * The words of the product's user interfaces, in Japanese and English: the task pane
 * (src/taskpane/view) and the command line's text report (src/cli/text-report.ts) share the
 * verdict and severity wording from here, so a person who sees both reads the same words.
 *
 * Pure data and string helpers: no DOM, no Node. Templates use `{name}` placeholders (see
 * `fillTemplate` in src/core/i18n.ts). Rule titles, explanations and diagnostic messages are
 * not here: they travel with the analysis (src/core).
 *
 * Wording rules: never call a mail "safe" (a clean result only means no indicators were found);
 * say what to do, in the words an office worker uses.
 */
import type { Severity, Verdict, FindingGroup } from "../core/analysis.js";
import type { DiagnosticLevel } from "../core/diagnostics.js";
import { localized, type Localized } from "../core/i18n.js";

export interface VerdictText {
  /** The banner's headline: one or two words. */
  readonly headline: Localized;
  /** One sentence under the headline. */
  readonly summary: Localized;
  /** The command line's single verdict line. */
  readonly line: Localized;
}

export const VERDICT_TEXT: Readonly<Record<Verdict, VerdictText>> = {
  danger: {
    headline: localized("危険", "Danger"),
    summary: localized(
      "このメールには標的型攻撃メールの特徴があります。",
      "This mail shows the marks of a targeted attack.",
    ),
    line: localized("危険: 標的型攻撃メールの特徴があります", "DANGER: this mail shows signs of a targeted attack"),
  },
  caution: {
    headline: localized("注意", "Caution"),
    summary: localized(
      "このメールには不審な点があります。差出人に確認できるまで、添付ファイルやリンクを開かないでください。",
      "Something about this mail is suspicious. Until you have checked with the sender, do not open its attachments or links.",
    ),
    line: localized("注意: 不審な点があります", "CAUTION: something about this mail is suspicious"),
  },
  incomplete: {
    headline: localized("すべては確認できませんでした", "Could not be fully checked"),
    summary: localized(
      "このメールの一部を調べられなかったため、問題がないとは言えません。差出人に確認できるまで、添付ファイルやリンクを開かないでください。",
      "Part of this mail could not be checked, so it cannot be called clean. Until you have checked with the sender, do not open its attachments or links.",
    ),
    line: localized("すべては確認できませんでした: メールの一部を調べられませんでした", "NOT FULLY CHECKED: part of this mail could not be checked"),
  },
  clean: {
    headline: localized("問題となる特徴は見つかりませんでした", "No indicators found"),
    summary: localized(
      "これは安全の保証ではありません。心当たりのないメールや急な依頼には、引き続き注意してください。",
      "This is not a guarantee. Stay careful with mail you did not expect or that asks for something urgently.",
    ),
    line: localized("問題となる特徴は見つかりませんでした(安全の保証ではありません)", "No indicators found (this is not a guarantee of safety)"),
  },
};

/** Severity words. The command line prints them upper-case in English ("HIGH"). */
export const SEVERITY_TEXT: Readonly<Record<Severity, Localized>> = {
  high: localized("高", "High"),
  medium: localized("中", "Medium"),
  low: localized("低", "Low"),
  info: localized("情報", "Info"),
};

/** "{n} findings of this severity", for the verdict summary. */
export const SEVERITY_COUNT: Readonly<Record<Severity, Localized>> = {
  high: localized("高 {n} 件", "{n} high"),
  medium: localized("中 {n} 件", "{n} medium"),
  low: localized("低 {n} 件", "{n} low"),
  info: localized("情報 {n} 件", "{n} info"),
};

export const GROUP_TEXT: Readonly<Record<FindingGroup, Localized>> = {
  links: localized("リンク", "Links"),
  sender: localized("差出人と送信経路", "Sender and origin"),
  attachments: localized("添付ファイル", "Attachments"),
};

export const DIAGNOSTIC_LEVEL_TEXT: Readonly<Record<DiagnosticLevel, Localized>> = {
  error: localized("読み取れなかった", "Could not read"),
  warning: localized("確認していない", "Not checked"),
  info: localized("参考", "Note"),
};

/** What to do with a danger or caution verdict (the seed's annex 2, in the product's words). */
export const NEXT_STEPS: readonly Localized[] = [
  localized(
    "添付ファイルを開いたり、リンクをクリックしたりしないでください。",
    "Do not open the attachments or click the links.",
  ),
  localized(
    "差出人に確認するときは、このメールに書かれた電話番号やアドレスではなく、名刺や公式サイトなどで自分で調べた連絡先を使ってください。",
    "To check with the sender, use a phone number or address you look up yourself (a business card, the official website) — not one written in this mail.",
  ),
  localized("セキュリティ窓口に報告してください。", "Report the mail to the security desk."),
  localized(
    "すでに添付ファイルやリンクを開いてしまった場合も、そのことを報告に書いてください。",
    "If you have already opened an attachment or a link, say so in the report.",
  ),
];

/** The same advice as one paragraph (the command line prints it under a danger verdict). */
export const ADVICE: Localized = localized(
  "添付ファイルやリンクを開かないでください。差出人にはメールに書かれた連絡先ではなく、別途調べた電話番号などで確認し、セキュリティ窓口に報告してください。",
  "Do not open the attachments or links. Confirm with the sender using a phone number or address you look up yourself (not one in the mail), and report it to the security desk.",
);

/** Results of SPF / DKIM / DMARC as a person reads them; keywords not listed are shown as written. */
export const AUTH_RESULT_TEXT: Readonly<Record<string, Localized>> = {
  pass: localized("成功", "pass"),
  fail: localized("失敗", "fail"),
  hardfail: localized("失敗", "fail"),
  softfail: localized("失敗(弱)", "soft fail"),
  none: localized("なし", "none"),
  neutral: localized("判定なし", "neutral"),
  policy: localized("ポリシーにより不合格", "policy"),
  temperror: localized("一時的なエラー", "temporary error"),
  permerror: localized("設定エラー", "permanent error"),
  bestguesspass: localized("推定で成功", "best-guess pass"),
};

/** Every other word of the task pane. */
export const UI = {
  paneLabel: localized("メールのチェック結果", "Mail check result"),
  severity: localized("重要度", "Severity"),
  summaryCount: localized("見つかった特徴(重要度別): {counts}", "Found, by severity: {counts}"),
  countSeparator: localized("、", ", "),
  moreReasons: localized("ほか {n} 件", "and {n} more"),
  lowOnly: localized(
    "参考情報({n} 件)だけが見つかりました。判定には影響しません。",
    "Only {n} note(s) for reference were found; they do not change the result.",
  ),

  // The message the result is about.
  messageHeading: localized("チェックしたメール", "Mail checked"),
  subject: localized("件名", "Subject"),
  from: localized("差出人", "From"),
  date: localized("日時", "Date"),
  noSubject: localized("(件名なし)", "(no subject)"),
  noFrom: localized("(差出人なし)", "(no sender)"),

  // What to do next.
  nextHeading: localized("次にすること", "What to do now"),
  nextIntroDanger: localized("このメールは攻撃の可能性が高いため、次のようにしてください。", "This mail is likely an attack. Please:"),
  nextIntroCaution: localized("差出人に確認できるまでは、次のようにしてください。", "Until you have checked with the sender:"),
  uncheckedHeading: localized("確認できなかったこと:", "Not checked:"),
  report: localized("セキュリティ窓口に報告", "Report to security desk"),
  reportClean: localized("気になる点があるときは報告できます", "Something still feels wrong? You can report it"),

  // Findings.
  groupCount: localized("{n} 件", "{n}"),
  groupNone: localized("問題となる特徴は見つかりませんでした。", "No indicators here."),
  evidence: localized("根拠", "Evidence"),
  noEvidence: localized("(根拠の詳細はありません)", "(no further detail)"),
  ruleId: localized("ルール ID", "Rule ID"),

  // Links.
  linksTableHeading: localized("リンクの表示と実際のリンク先", "Links: what is shown and where they go"),
  linksNotClickable: localized(
    "リンクは開けないように文字だけで表示しています。太字が実際の接続先のドメインです。",
    "Links are shown as text only and cannot be opened here. The bold part is the domain that would really be contacted.",
  ),
  shownText: localized("表示されている文字", "Shown text"),
  realTarget: localized("実際のリンク先", "Real destination"),
  shownImage: localized("(画像)", "(image)"),
  shownEmpty: localized("(文字なし)", "(no text)"),
  shownElement: localized("<{element}> 要素", "<{element}> element"),
  wrappedBy: localized("{wrapper} が書き換えたリンクです。本当のリンク先:", "Rewritten by {wrapper}. Real destination:"),
  wrapperUrl: localized("書き換え後の URL", "Rewritten URL"),
  idnShown: localized("画面上の見え方: {host}", "Displayed as: {host}"),
  domainDiffers: localized("表示とは別のドメインです", "Not the domain shown"),
  flagged: localized("指摘あり", "Flagged"),
  repeated: localized("×{n}", "×{n}"),
  moreLinks: localized("ほかのリンク {n} 件を表示", "Show {n} more links"),
  noLinks: localized("リンクはありません。", "The mail has no links."),

  // Route.
  routeHeading: localized("送信経路", "Route"),
  routeIntro: localized(
    "メールが通ってきたサーバーを、古い順に上から並べています。",
    "The servers the mail passed through, oldest first.",
  ),
  hopClaimed: localized("未確認(自己申告)", "Unverified (claimed)"),
  hopClaimedNote: localized("外部のサーバーが書いた記録で、偽装できます", "Written by outside servers; can be forged"),
  hopOrigin: localized("送信元(組織にメールを渡したサーバー)", "Origin (handed the mail to your organisation)"),
  hopOriginUncertain: localized("送信元(推定)", "Origin (best guess)"),
  hopReceived: localized("受信側のサーバー", "Receiving side"),
  hopVerifiedNote: localized("受信側のサーバーが記録(確認済み)", "Recorded by the receiving side (verified)"),
  hopUnreadable: localized("解析できない記録", "Unreadable record"),
  hopNoSender: localized("(送信元の記録なし)", "(no sender recorded)"),
  hopAnnounced: localized("名乗った名前: {helo}", "Announced itself as: {helo}"),
  hopAuthenticated: localized("ログインしたアカウントから送信", "Sent from a logged-in account"),
  hopDelay: localized("{s} 秒後", "+{s} s"),
  delivered: localized("受信したサーバー", "Delivered to"),
  claimedClient: localized("Web メール等が申告する送信者の端末", "Sender's device, as claimed by a webmail service"),
  originUnknown: localized(
    "メールが組織に入った地点(送信元)は特定できませんでした。",
    "Where the mail entered your organisation (its origin) could not be determined.",
  ),
  headersWithheld: localized(
    "このメールソフトはメールのヘッダーをアドインに渡さないため、送信経路と送信元の認証は確認していません(メール自体に記録がないという意味ではありません)。",
    "This mail client does not give the add-in the mail's headers, so the route and sender authentication were not checked (this does not mean the mail has no such records).",
  ),
  noHops: localized("経路の記録(Received ヘッダー)がありません。", "The mail has no route records (Received headers)."),
  ipAddress: localized("IP アドレス", "IP address"),
  country: localized("国", "Country"),
  countryPrivate: localized("プライベート IP", "private address"),
  countrySpecial: localized("特殊用途の IP", "special-use address"),
  countryForefront: localized("Microsoft 365 による判定", "according to Microsoft 365"),
  countryByLookup: localized("IP データベースでは {country}", "IP database says {country}"),

  // Authentication.
  authHeading: localized("送信元の認証", "Sender authentication"),
  authNotChecked: localized("未確認", "not checked"),
  authGood: localized("成功", "passed"),
  authBad: localized("失敗", "failed"),
  authNeutral: localized("判定できず", "inconclusive"),

  // Attachments.
  attachmentsListHeading: localized("添付ファイルの一覧", "Attachment list"),
  noAttachments: localized("添付ファイルはありません。", "The mail has no attachments."),
  noName: localized("(名前なし)", "(no name)"),
  declaredType: localized("宣言された種類", "Declared type"),
  contentType: localized("中身の種類", "Actual content"),
  size: localized("サイズ", "Size"),
  sha256: localized("SHA-256", "SHA-256"),
  inline: localized("本文に埋め込まれた画像など", "Embedded in the body"),
  contentUnavailable: localized("中身は取得できませんでした(名前と種類だけで判定)", "Contents not available (judged by name and type only)"),
  contentIncomplete: localized("一部しか調べられませんでした", "Only partly examined"),
  entries: localized("中のファイル({n} 件)", "Files inside ({n})"),
  moreEntries: localized("ほか {n} 件", "and {n} more"),
  encrypted: localized("暗号化", "encrypted"),
  bytes: localized("{n} バイト", "{n} bytes"),

  // Diagnostics and footer.
  diagnosticsSummary: localized("確認できなかったこと({n} 件)", "What could not be checked ({n})"),
  incomplete: localized(
    "このメールの一部は確認できていません(下の一覧を参照)。",
    "Part of this mail was not checked (see the list below).",
  ),
  checkedAt: localized("確認日時: {time}", "Checked: {time}"),
  localOnly: localized(
    "メールの内容はこの画面の中だけで調べ、外部には送信していません。",
    "The mail was checked right here; nothing was sent anywhere.",
  ),

  // Status views.
  loading: localized("このメールを確認しています…", "Checking this mail…"),
  errorHeadline: localized("このメールを確認できませんでした", "This mail could not be checked"),
  errorDetail: localized("詳しい情報", "Details"),
  errorRetry: localized(
    "メールを選び直すか、作業ウィンドウを開き直してください。続くときはセキュリティ窓口に連絡してください。",
    "Select the mail again or reopen the pane. If it keeps happening, contact the security desk.",
  ),
  configHeadline: localized("アドインの設定に問題があります", "The add-in's configuration has a problem"),
  configHelp: localized(
    "管理者に連絡してください。設定ファイル(config.json)の次の項目を直す必要があります。",
    "Please tell your administrator. These entries of the configuration file (config.json) need fixing.",
  ),

  // Hidden characters.
  hiddenChar: localized("見えない文字 {code}", "Hidden character {code}"),
  spaces: localized("[空白 {n} 個]", "[{n} spaces]"),
} as const satisfies Record<string, Localized>;

/**
 * The report to the security desk: the form in the pane (src/taskpane/view/report-form.ts) and
 * what the pane says about delivering it (src/taskpane/report.ts). The report itself — its nine
 * items — is written by src/core/report.
 */
export const REPORT_FORM = {
  heading: localized("セキュリティ窓口に報告", "Report to the security desk"),
  intro: localized(
    "窓口には、このメール(届いたままの形で添付)、チェック結果、下の回答が届きます。わかることだけ答えてください。空欄のままでもかまいません。",
    "The desk receives this mail (attached as it arrived), the check result and your answers below. Answer what you know; anything can be left empty.",
  ),
  mailReported: localized("報告するメール", "Mail reported"),
  to: localized("宛先", "To"),
  intakeNote: localized(
    "送信すると、報告はセキュリティ窓口のシステムに直接届きます。届かなかったときは報告のメールを作成します。",
    "Sending delivers the report straight to the security desk's system; if that fails, a report mail is opened instead.",
  ),
  noDesk: localized(
    "このアドインには報告先(セキュリティ窓口のアドレス)が設定されていません。下の文面をコピーして窓口に送るか、管理者に連絡してください。",
    "No security desk address is set up for this add-in. Copy the text below and send it to your security desk yourself, or tell your administrator.",
  ),

  senderLegend: localized("差出人に確認しましたか?", "Did you check with the sender?"),
  senderHint: localized(
    "メールに書かれた連絡先ではなく、自分で調べた電話番号などで確認してください。",
    "Use a phone number or address you looked up yourself, not one in the mail.",
  ),
  senderNotYet: localized("まだ確認していない", "Not yet"),
  senderDenied: localized("送っていないと言われた", "They did not send it"),
  senderConfirmed: localized("送ったと言われた", "They did send it"),

  antivirusLegend: localized("ウイルス対策ソフト", "Antivirus"),
  antivirusProduct: localized("使っている製品", "Product you use"),
  antivirusProductHint: localized("例: Microsoft Defender", "For example: Microsoft Defender"),
  antivirusDetected: localized("何か検知しましたか?", "Did it detect anything?"),
  antivirusName: localized("検知名(表示された場合)", "Detection name (if it showed one)"),

  yes: localized("はい", "Yes"),
  no: localized("いいえ", "No"),
  unknown: localized("わからない", "Don't know"),

  actionsLegend: localized("このメールに対してしたこと", "What you did with the mail"),
  openedAttachment: localized("添付ファイルを開きましたか?", "Did you open an attachment?"),
  clickedLink: localized("リンクをクリックしましたか?", "Did you click a link?"),
  whatHappened: localized("開いた・クリックしたとき、何が起きましたか?", "What happened when you opened or clicked it?"),
  whatHappenedHint: localized(
    "例: 何も表示されなかった、ログイン画面が出てパスワードを入力した",
    "For example: nothing appeared; a sign-in page asked for my password and I entered it",
  ),
  damage: localized("気づいた被害", "Damage you have noticed"),
  damageHint: localized(
    "例: ファイルが開けなくなった、送った覚えのないメールが送信済みにある。なければ空欄のままで。",
    "For example: files no longer open; mail you did not send is in Sent Items. Leave empty if none.",
  ),
  colleagues: localized("このメールを受け取った同僚(知っている範囲で)", "Colleagues you know received it"),
  colleaguesHint: localized("人数、または「営業部全員」など", "A number, or who (for example: the whole sales team)"),

  pcLegend: localized("お使いの PC", "Your PC"),
  operatingSystem: localized("OS", "Operating system"),
  clientVersion: localized("Outlook のバージョン", "Outlook version"),
  prefilled: localized("自動で入力しました。違っていれば直してください。", "Filled in automatically; correct it if it is wrong."),
  serverVersion: localized(
    "Outlook on the web と新しい Outlook が伝える番号はメール サーバーのバージョンで、PC のものではありません。わかれば直してください。",
    "Outlook on the web and new Outlook give the mail server's version here, not your PC's. Correct it if you know better.",
  ),

  shareLegend: localized("このメールをセキュリティ ベンダーと共有してよいですか?", "May the security desk share this mail with security vendors?"),
  shareHint: localized(
    "ベンダーが分析すると、ほかの人も守られます。ただしメールには個人情報や社外秘が含まれることがあります。迷ったら「いいえ」のままにしてください。",
    "Vendors can analyse it and protect others too, but the mail may hold personal or confidential information. If unsure, leave it at No.",
  ),
  shareNo: localized("いいえ(共有しない)", "No, do not share it"),
  shareYes: localized("はい(共有してよい)", "Yes, it may be shared"),

  comments: localized("そのほか伝えたいこと", "Anything else"),
  languageLegend: localized("報告の言語", "Language of the report"),

  previewHeading: localized("送信される内容", "What will be sent"),
  previewNote: localized(
    "この文面に加えて、メール本体(届いたままの形)と、窓口のツール向けに同じ報告の JSON が届きます。",
    "Besides this text, the desk receives the mail itself (as it arrived) and the same report as JSON for its tools.",
  ),
  previewLabel: localized("報告の文面(読み取り専用)", "Report text (read-only)"),

  send: localized("セキュリティ窓口に送る", "Send to security desk"),
  cancel: localized("キャンセル", "Cancel"),
  copy: localized("文面をコピー", "Copy the text"),
  copied: localized("文面をコピーしました。", "The text has been copied."),
  copyFailed: localized(
    "コピーできませんでした。文面を選択して Ctrl+C (Mac は ⌘+C) でコピーしてください。",
    "The text could not be copied. Select it and press Ctrl+C (⌘+C on a Mac).",
  ),
  back: localized("チェック結果に戻る", "Back to the check result"),

  sending: localized("セキュリティ窓口に送信しています…", "Sending to the security desk…"),
  sentHeading: localized("報告しました", "Reported"),
  sentIntake: localized("セキュリティ窓口のシステムに報告が届きました。", "The security desk's system has received the report."),
  reference: localized("受付番号: {reference}", "Reference: {reference}"),
  draftHeading: localized("報告のメールを作成しました", "Report mail opened"),
  draftOpened: localized(
    "宛先 {address} の報告メールを開きました。内容を確認して[送信]を押してください。押すまで報告は届きません。",
    "A report mail to {address} has been opened. Check it and press Send: the report is not delivered until you do.",
  ),
  draftAttached: localized("このメールは添付済みです。", "This mail is attached to it."),
  draftNotAttached: localized(
    "このメールを添付できませんでした。作成したメールに、このメールを手動で添付してください(ドラッグ＆ドロップ)。",
    "This mail could not be attached: attach it to the new mail by hand (drag it in).",
  ),
  jsonOmitted: localized(
    "JSON はメール本文に収まらないため省きました(窓口は添付のメールから作れます)。",
    "The JSON did not fit in a mail body and was left out (the desk can produce it from the attached mail).",
  ),
  intakeFailed: localized(
    "セキュリティ窓口のシステムに送信できませんでした({detail})。代わりに報告のメールを作成しました。",
    "The report could not be delivered to the security desk's system ({detail}). A report mail has been opened instead.",
  ),
  failedHeading: localized("まだ報告できていません", "Not reported yet"),
  intakeFailedNoDraft: localized(
    "セキュリティ窓口のシステムに送信できませんでした({detail})。",
    "The report could not be delivered to the security desk's system ({detail}).",
  ),
  noAddress: localized(
    "報告先のアドレスが設定されていないため、報告のメールを作成できません。文面をコピーして窓口に送るか、管理者に連絡してください。",
    "No security desk address is set up, so no report mail can be opened. Copy the text and send it to your security desk, or tell your administrator.",
  ),
  noDraftSupport: localized(
    "この Outlook では、アドインから新しいメールを作成できません(要件セット Mailbox 1.6 が必要です)。文面をコピーして窓口に送ってください。",
    "This Outlook does not let add-ins open a new mail (it needs requirement set Mailbox 1.6). Copy the text and send it to your security desk.",
  ),
  draftFailed: localized(
    "報告のメールを作成できませんでした({detail})。文面をコピーして窓口に送ってください。",
    "The report mail could not be opened ({detail}). Copy the text and send it to your security desk.",
  ),
  timeout: localized("{s} 秒以内に応答がありませんでした", "no answer within {s} seconds"),
  unreachable: localized("接続できませんでした", "could not connect"),
  httpStatus: localized("HTTP {status} が返されました", "it answered HTTP {status}"),
} as const satisfies Record<string, Localized>;

/** The report mail's own words around the report text (src/taskpane/report.ts). */
export const REPORT_MAIL = {
  jsonHeading: localized(
    "機械処理用の報告(JSON、スキーマ docs/report.schema.json バージョン {version}):",
    "Machine-readable report (JSON, schema docs/report.schema.json version {version}):",
  ),
  jsonOmitted: localized(
    "(機械処理用の JSON はメール本文に収まらないため省きました。添付のメールから check-this-mail report --format json で作れます。)",
    "(The machine-readable JSON did not fit in a mail body and was left out: check-this-mail report --format json makes it from the attached mail.)",
  ),
} as const satisfies Record<string, Localized>;

/**
 * What an attachment's NAME and DECLARED TYPE say about it. Content (magic bytes, archive
 * listings, macros, PDF actions) is a separate concern: nothing here reads attachment bytes.
 *
 * Every scan is a loop over code points or a Set lookup, never a backtracking regex: file names
 * are written by the attacker and may be megabytes long.
 */
import type { AttachmentInfo } from "../analysis.js";
import { trimEndWhere } from "./extension.js";

const set = (...groups: readonly (readonly string[])[]): ReadonlySet<string> => new Set(groups.flat());

/**
 * Extensions Windows (or macOS, Android) runs, installs, mounts or hands to a script host on a
 * double-click. Largely the list Outlook itself blocks (its "Level 1" attachment list), plus the
 * container formats attackers moved to once Office macros were blocked.
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = set(
  // Native programs and libraries. pif/com: DOS-era names Windows still executes as programs.
  // cpl: a Control Panel item is a DLL run by control.exe. dll/ocx: run via rundll32/regsvr32 or
  // side-loaded next to a signed program from the same folder.
  ["exe", "scr", "com", "pif", "cpl", "dll", "ocx", "sys", "drv"],
  // Management console snap-ins run script (the 2024 "GrimResource" campaigns).
  ["msc"],
  // Script hosts: Windows Script Host, HTML Applications, PowerShell, batch, scriptlets.
  ["bat", "cmd", "js", "jse", "vb", "vbs", "vbe", "wsf", "wsh", "ws", "wsc", "sct", "hta"],
  ["ps1", "psm1", "psd1", "ps1xml", "ps2", "ps2xml", "psc1", "psc2", "msh", "msh1", "msh2", "mshxml"],
  // Interpreters that are often installed; Outlook blocks them for that reason.
  ["py", "pyw", "pyz", "pyzw", "pyc", "pyo", "pl", "sh", "csh", "ksh", "command", "tool"],
  // Installers and app packages. application/appref-ms/xbap/vsto: ClickOnce deployments that
  // install and run from a URL. appinstaller: an App Installer file that fetches an MSIX.
  ["msi", "msp", "mst", "msu", "appx", "appxbundle", "msix", "msixbundle", "appinstaller"],
  ["application", "appref-ms", "xbap", "vsto", "gadget", "apk", "pkg", "mpkg"],
  // Java: jar runs on double-click where a JRE is installed; jnlp launches Java Web Start.
  ["jar", "jnlp"],
  // Shortcuts and shell files that point at or run something else. url/website: internet
  // shortcuts, also to file:// and SMB paths (SmartScreen bypass CVE-2024-21412). scf: Explorer
  // command file that leaks the Windows password hash to a remote share. library-ms,
  // searchconnector-ms: Explorer views of a remote (WebDAV) folder used to serve payloads.
  // settingcontent-ms: a Settings shortcut that ran arbitrary commands (CVE-2018-8414).
  // inf: setup information that can run commands. diagcab: troubleshooter package (DogWalk).
  // theme/themepack: loads code from a remote share (ThemeBleed, CVE-2023-38146).
  ["lnk", "url", "website", "scf", "library-ms", "searchconnector-ms", "settingcontent-ms"],
  ["inf", "diagcab", "theme", "themepack", "desktopthemepackfile"],
  // Registry files change system settings on a double-click (after one confirmation).
  ["reg"],
  // Compiled HTML Help and old WinHelp run script and programs.
  ["chm", "hlp"],
  // Disk images: Windows mounts them with a double-click and the files inside lose the
  // "downloaded from the internet" mark that triggers warnings and blocks macros.
  ["iso", "img", "vhd", "vhdx", "udf", "dmg"],
  // OneNote notebooks carried embedded scripts with a "double-click to view" lure (2023).
  ["one", "onepkg"],
  // Excel/Word add-ins that are native DLLs, loaded into Office without a macro prompt.
  ["xll", "wll"],
  // Apple configuration profiles install certificates, VPNs, mail accounts or device management.
  ["mobileconfig"],
);

/**
 * Declared types that say "program" whatever the name says. Lower case, without parameters (as
 * in the snapshot).
 */
export const EXECUTABLE_TYPES: ReadonlySet<string> = set(
  ["application/x-msdownload", "application/x-msdos-program", "application/x-dosexec", "application/x-ms-dos-executable"],
  ["application/vnd.microsoft.portable-executable", "application/x-executable", "application/x-winexe", "application/exe"],
  ["application/x-msi", "application/x-ms-installer", "application/x-ms-shortcut", "application/x-ms-application"],
  ["application/hta", "application/x-hta", "application/x-bat", "application/bat", "application/x-msdos-batch"],
  ["application/javascript", "application/x-javascript", "text/javascript", "text/jscript", "application/ecmascript"],
  ["text/vbscript", "application/x-vbscript", "text/vbs", "application/x-powershell", "application/x-sh", "application/x-shellscript"],
  ["application/java-archive", "application/x-java-archive", "application/x-java-jnlp-file"],
  ["application/vnd.ms-htmlhelp", "application/x-iso9660-image", "application/x-cd-image", "application/x-apple-diskimage"],
  ["application/x-apple-aspen-config", "application/vnd.android.package-archive", "application/x-ms-xbap"],
);

/** Opened by a web browser: scripts run, and a local page can imitate any sign-in page. */
export const HTML_EXTENSIONS: ReadonlySet<string> = set(["html", "htm", "shtml", "shtm", "xhtml", "xht", "svg", "svgz", "mht", "mhtml"]);
// application/x-mimearchive: MHTML web archives.
export const HTML_TYPES: ReadonlySet<string> = set(["text/html", "application/xhtml+xml", "image/svg+xml", "application/x-mimearchive"]);

/**
 * Names mail servers and Apple Mail give to HTML pieces of a message they split or extend
 * ("ATT00001.htm" for a disclaimer appended by Exchange, "att24916.htm" for Apple Mail's body
 * after an inline picture). Common in ordinary mail, so they are reported only at low severity.
 */
export function isMailerGeneratedHtmlName(name: string): boolean {
  return /^att\d{4,6}\.html?$/i.test(name);
}

export type MacroKind = "addin" | "document" | "binary";

/**
 * Office formats that exist to carry macros (the trailing "m"), by what they are:
 * add-ins load their code into Office itself; binary workbooks may or may not hold macros.
 */
export const MACRO_EXTENSIONS: ReadonlyMap<string, MacroKind> = new Map<string, MacroKind>([
  ...["docm", "dotm", "xlsm", "xltm", "pptm", "potm", "ppsm", "sldm"].map((e) => [e, "document"] as const),
  ...["xlam", "xla", "ppam", "ppa"].map((e) => [e, "addin"] as const),
  ["xlsb", "binary"],
]);

/** Declared types of macro-enabled Office files ("application/vnd.ms-excel.sheet.macroenabled.12" ...). */
export function macroKindOfType(type: string): MacroKind | undefined {
  if (!type.startsWith("application/vnd.ms-") || !type.includes(".macroenabled")) return undefined;
  if (type.includes(".addin.")) return "addin";
  // The registered type of .xlsb says "macroEnabled" even when the workbook has no macro.
  if (type.includes(".binary.")) return "binary";
  return "document";
}

/** Archive extensions: what the person sees as an archive (the content inspection lists what is inside; see content/). */
export const ARCHIVE_EXTENSIONS: ReadonlySet<string> = set(
  ["zip", "zipx", "rar", "7z", "gz", "tgz", "tar", "bz2", "tbz2", "xz", "txz", "z", "lz", "zst"],
  // lzh/lha: still common in Japan; cab: Windows cabinet; arj/ace/uue/arc: old formats used to
  // slip past gateways that only unpack zip.
  ["lzh", "lha", "cab", "arj", "ace", "uue", "xxe", "arc", "r00", "r01", "001"],
);
export const ARCHIVE_TYPES: ReadonlySet<string> = set(
  ["application/zip", "application/x-zip", "application/x-zip-compressed", "multipart/x-zip"],
  ["application/vnd.rar", "application/x-rar", "application/x-rar-compressed", "application/x-7z-compressed"],
  ["application/gzip", "application/x-gzip", "application/x-tar", "application/x-gtar", "application/x-bzip2", "application/x-xz"],
  ["application/x-lzh", "application/x-lzh-compressed", "application/x-lha", "application/vnd.ms-cab-compressed", "application/x-ace-compressed", "application/x-arj"],
);

export const PDF_EXTENSIONS: ReadonlySet<string> = set(["pdf"]);
export const PDF_TYPES: ReadonlySet<string> = set(["application/pdf", "application/x-pdf", "application/acrobat"]);

/**
 * Everyday document formats whose viewers have repeatedly been exploited (word processors
 * including Ichitaro, Office, PDF readers, Flash, Java). Executables and macro formats are left
 * to their own rules.
 */
export const EXPLOITED_FORMAT_EXTENSIONS: ReadonlySet<string> = set(
  // Ichitaro (一太郎): current and template formats, and the names older versions used.
  ["jtd", "jtdc", "jtt", "jttc", "jaw", "jbw", "juw", "jfw", "jvw"],
  // Word processors: Word, RTF, Works/WPS, WordPerfect, OpenDocument, Hangul (Korean government use).
  ["doc", "docx", "dot", "dotx", "rtf", "wps", "wpd", "odt", "hwp", "hwpx"],
  // Excel and PowerPoint. pps/ppsx open straight into a slide show.
  ["xls", "xlsx", "xlt", "xltx", "ppt", "pptx", "pot", "potx", "pps", "ppsx"],
  ["pdf"],
  // Flash (no longer supported, but still opened by old players and embedded in documents).
  ["swf", "spl"],
  // Compiled Java class (jar and jnlp are programs: ATT_EXECUTABLE).
  ["class"],
);
export const EXPLOITED_FORMAT_TYPES: ReadonlySet<string> = set(
  ["application/x-js-taro", "application/x-jtd", "application/msword", "application/rtf", "text/rtf", "application/vnd.ms-works"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.template"],
  ["application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.template"],
  ["application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  ["application/vnd.openxmlformats-officedocument.presentationml.slideshow", "application/vnd.openxmlformats-officedocument.presentationml.template"],
  ["application/vnd.oasis.opendocument.text", "application/x-hwp", "application/haansofthwp", "application/vnd.hancom.hwp"],
  ["application/pdf", "application/x-pdf", "application/x-shockwave-flash", "application/java-vm", "application/x-java-class"],
);

/** Raster image extensions (what an inline logo is called). SVG is not here: it carries script. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = set(
  ["jpg", "jpeg", "jpe", "jfif", "pjpeg", "png", "apng", "gif", "bmp", "dib", "tif", "tiff", "webp", "heic", "heif", "avif", "ico", "emf", "wmf"],
);

/**
 * Types that say nothing about the content: mail programs use them when they do not know (or do
 * not care). text/plain is here because clients fall back to it for unknown names, and a
 * text/plain declaration never makes anything run.
 */
export const GENERIC_TYPES: ReadonlySet<string> = set(
  ["", "application/octet-stream", "binary/octet-stream", "application/binary", "application/unknown", "application/x-unknown"],
  ["application/download", "application/x-download", "application/force-download", "application/save", "application/x-msdownload-unknown"],
  ["text/plain", "unknown/unknown", "application/x-octet-stream", "application/data"],
);

/** Code points that reorder text (Unicode bidi controls, UAX #9), shown as "[U+XXXX]". */
export function isBidiControl(code: number): boolean {
  return (
    code === 0x061c || // ARABIC LETTER MARK
    code === 0x200e || // LEFT-TO-RIGHT MARK
    code === 0x200f || // RIGHT-TO-LEFT MARK
    (code >= 0x202a && code <= 0x202e) || // LRE, RLE, PDF, LRO, RLO
    (code >= 0x2066 && code <= 0x2069) // LRI, RLI, FSI, PDI
  );
}

/** The "marks" of the bidi controls: legitimately used inside Arabic and Hebrew text. */
export function isBidiMark(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f;
}

/**
 * Code points that render as nothing (or as blank space that is not a space character) and so
 * can hide or fake part of a name. ZWJ/ZWNJ (U+200C/D) are left out: they are ordinary in
 * Persian, Indic scripts and emoji.
 */
export function isInvisible(code: number): boolean {
  return (
    code === 0x00ad || // SOFT HYPHEN
    code === 0x034f || // COMBINING GRAPHEME JOINER
    code === 0x115f || // HANGUL CHOSEONG FILLER
    code === 0x1160 || // HANGUL JUNGSEONG FILLER
    code === 0x17b4 ||
    code === 0x17b5 || // KHMER VOWEL INHERENT AQ/AA
    code === 0x180e || // MONGOLIAN VOWEL SEPARATOR
    code === 0x200b || // ZERO WIDTH SPACE
    (code >= 0x2060 && code <= 0x2064) || // WORD JOINER, invisible operators
    (code >= 0x206a && code <= 0x206f) || // deprecated format characters
    code === 0x2800 || // BRAILLE PATTERN BLANK
    code === 0x3164 || // HANGUL FILLER
    code === 0xfeff || // ZERO WIDTH NO-BREAK SPACE (BOM)
    code === 0xffa0 || // HALFWIDTH HANGUL FILLER
    (code >= 0xfff9 && code <= 0xfffb) || // interlinear annotation
    (code >= 0x1d173 && code <= 0x1d17a) || // musical formatting
    (code >= 0xe0000 && code <= 0xe007f) // TAG characters
  );
}

/**
 * Control characters (C0, DEL, C1), line/paragraph separators and lone surrogates (left by
 * broken decoding): never part of a real name.
 */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff);
}

/** Whitespace as a person sees it: space characters plus blank-rendering fillers. */
export function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x2800 ||
    code === 0x3164 ||
    code === 0xffa0 ||
    code === 0x115f ||
    code === 0x1160
  );
}

function hex(code: number): string {
  return `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
}

/**
 * The name with every bidi control, invisible character and control character written out as
 * "[U+202E]", so the evidence shows what is really there and cannot reorder the pane's text.
 */
export function visibleName(name: string): string {
  let out = "";
  for (const char of name) {
    const code = char.codePointAt(0)!;
    out += isBidiControl(code) || isInvisible(code) || isControl(code) ? hex(code) : char;
  }
  return out;
}

export interface HiddenCharacters {
  /** Override, embedding and isolate controls (U+202A–202E, U+2066–2069). */
  readonly reordering: number;
  /** LRM, RLM, ALM. */
  readonly marks: number;
  readonly invisible: number;
  /** The name also holds right-to-left letters (Hebrew, Arabic ...), where marks are ordinary. */
  readonly hasRtlLetters: boolean;
}

function isRtlLetter(code: number): boolean {
  // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan ... and their presentation forms.
  return (code >= 0x0590 && code <= 0x08ff && !isBidiMark(code)) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe);
}

export function hiddenCharacters(name: string): HiddenCharacters {
  let reordering = 0;
  let marks = 0;
  let invisible = 0;
  let hasRtlLetters = false;
  for (const char of name) {
    const code = char.codePointAt(0)!;
    if (isBidiMark(code)) marks++;
    else if (isBidiControl(code)) reordering++;
    else if (isInvisible(code)) invisible++;
    else if (isRtlLetter(code)) hasRtlLetters = true;
  }
  return { reordering, marks, invisible, hasRtlLetters };
}

/** Is the final extension one that runs, opens in a browser or carries macros? */
export function isActiveExtension(extension: string): boolean {
  return EXECUTABLE_EXTENSIONS.has(extension) || HTML_EXTENSIONS.has(extension) || MACRO_EXTENSIONS.has(extension);
}

/**
 * Extensions that make a name look like an ordinary file when they stand before the real one
 * ("資料.pdf.exe"). Archives count: "invoice.zip.exe" looks like an archive to the reader.
 */
const DOCUMENT_LOOKING_EXTENSIONS: ReadonlySet<string> = set(
  ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "txt", "csv", "odt", "ods", "odp", "jtd", "jtdc", "hwp", "xml", "eml", "msg"],
  ["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "webp", "mp3", "mp4", "m4a", "wav", "wma", "avi", "mov", "wmv", "mpg", "mpeg"],
  ["zip", "rar", "7z", "lzh", "html", "htm"],
);

/**
 * Characters a person reads as the dot of an extension. Windows only splits at ".", so a name
 * like "invoice．pdf.exe" (FULLWIDTH FULL STOP) still shows a fake "pdf" before the real one.
 */
function isDotLike(code: number): boolean {
  return code === 0x2e || code === 0xff0e || code === 0x2024 || code === 0xfe52 || code === 0x3002 || code === 0xff61;
}

/** Padding allowed between the fake and the real extension ("report.pdf_.exe", "a.doc   .scr"). */
function isPadding(code: number): boolean {
  return isBlank(code) || isInvisible(code) || code === 0x2e || code === 0x5f || code === 0x2d;
}

/** A run of this many blanks pushes the real end of a name out of a narrow attachment list. */
export const PADDING_RUN = 5;

export interface DisguisedName {
  /** The extension the name shows before the real one ("pdf"), when there is one. */
  readonly shown?: string;
  /** The extension Windows uses. */
  readonly real: string;
  /** Longest run of blank characters before the real extension. */
  readonly blankRun: number;
}

/**
 * Finds a fake extension in front of an active one ("資料.pdf.exe", "report.pdf_.exe",
 * "invoice.doc      .scr") or a long blank run that hides where the name really ends.
 * Returns undefined for ordinary names ("my.file.name.docx", "jquery.min.js").
 */
export function disguisedName(name: string): DisguisedName | undefined {
  // Windows drops trailing dots and blanks, so "a.pdf.exe.  " is still an .exe.
  const trimmed = trimEndWhere(name, (c) => c === "." || isBlank(c.codePointAt(0)!));
  const dot = trimmed.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const real = trimmed.slice(dot + 1).toLowerCase();
  if (!isActiveExtension(real)) return undefined;
  const stem = trimmed.slice(0, dot);

  const chars = Array.from(stem);
  let blankRun = 0;
  let run = 0;
  for (const c of chars) {
    run = isBlank(c.codePointAt(0)!) ? run + 1 : 0;
    if (run > blankRun) blankRun = run;
  }

  let end = chars.length;
  while (end > 0 && isPadding(chars[end - 1]!.codePointAt(0)!)) end--;
  let start = end;
  while (start > 0 && !isDotLike(chars[start - 1]!.codePointAt(0)!)) start--;
  // start - 1 is the dot; a leading dot (".pdf.exe") has no stem in front and shows no extension.
  let shown: string | undefined;
  if (start > 1 && end > start) {
    // NFKC folds full-width letters ("ｐｄｆ") to what the reader takes them for.
    const candidate = chars.slice(start, end).join("").normalize("NFKC").toLowerCase();
    const bothHtml = HTML_EXTENSIONS.has(candidate) && HTML_EXTENSIONS.has(real);
    if (DOCUMENT_LOOKING_EXTENSIONS.has(candidate) && !bothHtml && candidate !== real) shown = candidate;
  }
  if (shown === undefined && blankRun < PADDING_RUN) return undefined;
  return shown === undefined ? { real, blankRun } : { shown, real, blankRun };
}

/**
 * An inline picture (a logo or signature image shown in the body): never a finding. A part that
 * is inline but named like a program is not a logo, so it stays in scope.
 */
export function isInlineImage(attachment: Pick<AttachmentInfo, "inline" | "declaredType" | "extension">): boolean {
  if (!attachment.inline) return false;
  const type = attachment.declaredType;
  const imageType = type.startsWith("image/") && !HTML_TYPES.has(type);
  const imageName = IMAGE_EXTENSIONS.has(attachment.extension);
  if (!imageType && !(imageName && GENERIC_TYPES.has(type))) return false;
  return !isActiveExtension(attachment.extension) && !EXECUTABLE_TYPES.has(type);
}

/** What a name or a declared type says a file is, for comparing the two. */
export type FileFamily = "executable" | "html" | "pdf" | "image" | "office" | "archive" | "audio" | "video" | "calendar";

const EXTENSION_FAMILY = new Map<string, FileFamily>();
function addFamily(family: FileFamily, extensions: Iterable<string>): void {
  for (const e of extensions) EXTENSION_FAMILY.set(e, family);
}
addFamily("executable", EXECUTABLE_EXTENSIONS);
addFamily("html", HTML_EXTENSIONS);
addFamily("pdf", PDF_EXTENSIONS);
addFamily("image", IMAGE_EXTENSIONS);
addFamily("office", [...MACRO_EXTENSIONS.keys()]);
addFamily("office", ["doc", "docx", "dot", "dotx", "rtf", "odt", "ods", "odp", "wps", "xls", "xlsx", "xlt", "xltx", "csv", "ppt", "pptx", "pps", "ppsx", "pot", "potx", "jtd", "jtdc", "jtt", "jttc", "hwp", "hwpx"]);
addFamily("archive", ARCHIVE_EXTENSIONS);
addFamily("audio", ["mp3", "m4a", "wav", "wma", "aac", "ogg", "oga", "flac", "amr", "mid", "midi"]);
addFamily("video", ["mp4", "m4v", "mov", "avi", "wmv", "mpg", "mpeg", "webm", "mkv", "3gp", "flv"]);
addFamily("calendar", ["ics", "vcs"]);

export function extensionFamily(extension: string): FileFamily | undefined {
  return EXTENSION_FAMILY.get(extension);
}

export function typeFamily(type: string): FileFamily | undefined {
  if (GENERIC_TYPES.has(type)) return undefined;
  if (EXECUTABLE_TYPES.has(type)) return "executable";
  if (HTML_TYPES.has(type)) return "html";
  if (PDF_TYPES.has(type)) return "pdf";
  if (ARCHIVE_TYPES.has(type)) return "archive";
  if (type === "text/calendar" || type === "application/ics") return "calendar";
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("audio/")) return "audio";
  if (type.startsWith("video/")) return "video";
  if (
    macroKindOfType(type) !== undefined ||
    EXPLOITED_FORMAT_TYPES.has(type) ||
    type === "text/csv" ||
    type.startsWith("application/vnd.openxmlformats-officedocument.") ||
    type.startsWith("application/vnd.oasis.opendocument.") ||
    type.startsWith("application/vnd.ms-excel") ||
    type.startsWith("application/vnd.ms-word") ||
    type.startsWith("application/vnd.ms-powerpoint")
  ) {
    return "office";
  }
  return undefined;
}

/**
 * Pairs of families that differ without meaning anything: OOXML files and jars are zip files
 * and old clients declare them so; MP4 audio is declared as video and back.
 */
export function isHarmlessFamilyPair(byName: FileFamily, byType: FileFamily): boolean {
  const pair = (a: FileFamily, b: FileFamily): boolean => (byName === a && byType === b) || (byName === b && byType === a);
  return pair("office", "archive") || pair("audio", "video");
}

/** Extensions that are zip files inside, so an archive type is honest for them. */
export const ZIP_BASED_EXECUTABLES: ReadonlySet<string> = set(["jar", "apk", "appx", "appxbundle", "msix", "msixbundle", "xbap", "vsto"]);

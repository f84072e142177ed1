/**
 * What an attachment's bytes turned out to be. Each kind has a stable token (in the analysis
 * JSON), a short description for evidence (format names, the same in every language), and the
 * family it belongs to for comparing with the name (see names.ts `FileFamily`).
 */
import type { FileFamily } from "../names.js";

interface KindInfo {
  readonly description: string;
  readonly family?: FileFamily;
  /** A format whose viewer targeted attacks have exploited (ATT_EXPLOITED_FORMAT). */
  readonly exploited?: boolean;
}

const K = <T extends Record<string, KindInfo>>(table: T): T => table;

export const CONTENT_KINDS = K({
  empty: { description: "empty file" },
  unknown: { description: "unrecognised binary data" },
  text: { description: "plain text" },
  // Programs and things Windows runs or mounts.
  "pe-executable": { description: "Windows program (PE)", family: "executable" },
  "pe-library": { description: "Windows library (PE DLL)", family: "executable" },
  "dos-executable": { description: "MS-DOS program (MZ)", family: "executable" },
  elf: { description: "Linux/Unix program (ELF)", family: "executable" },
  "mach-o": { description: "macOS program (Mach-O)", family: "executable" },
  lnk: { description: "Windows shortcut (LNK)", family: "executable" },
  msi: { description: "Windows Installer package (MSI)", family: "executable" },
  hta: { description: "HTML Application (HTA)", family: "executable" },
  jscript: { description: "Windows Script Host JScript", family: "executable" },
  vbscript: { description: "VBScript", family: "executable" },
  powershell: { description: "PowerShell script", family: "executable" },
  batch: { description: "Windows batch file", family: "executable" },
  "registry-file": { description: "Windows registry file", family: "executable" },
  "internet-shortcut": { description: "Internet shortcut (.url)", family: "executable" },
  "apple-configuration": { description: "Apple configuration profile", family: "executable" },
  chm: { description: "Compiled HTML Help (CHM)", family: "executable" },
  onenote: { description: "OneNote section", family: "executable" },
  iso: { description: "ISO 9660 disk image", family: "executable" },
  udf: { description: "UDF disk image", family: "executable" },
  vhd: { description: "VHD virtual disk", family: "executable" },
  vhdx: { description: "VHDX virtual disk", family: "executable" },
  dmg: { description: "Apple disk image (DMG)", family: "executable" },
  "disk-image": { description: "raw disk image (IMG)", family: "executable" },
  "java-archive": { description: "Java archive (JAR)", family: "executable" },
  apk: { description: "Android package (APK)", family: "executable" },
  "app-package": { description: "Windows app package (MSIX/APPX)", family: "executable" },
  // Archives.
  zip: { description: "ZIP archive", family: "archive" },
  rar: { description: "RAR archive", family: "archive" },
  "7z": { description: "7-Zip archive", family: "archive" },
  gzip: { description: "gzip archive", family: "archive" },
  bzip2: { description: "bzip2 archive", family: "archive" },
  xz: { description: "xz archive", family: "archive" },
  zstd: { description: "Zstandard archive", family: "archive" },
  tar: { description: "tar archive", family: "archive" },
  cab: { description: "Windows cabinet (CAB)", family: "archive" },
  lzh: { description: "LZH/LHA archive", family: "archive" },
  arj: { description: "ARJ archive", family: "archive" },
  uuencoded: { description: "uuencoded file", family: "archive" },
  // Documents.
  "ooxml-word": { description: "Word document (OOXML)", family: "office", exploited: true },
  "ooxml-excel": { description: "Excel workbook (OOXML)", family: "office", exploited: true },
  "ooxml-powerpoint": { description: "PowerPoint presentation (OOXML)", family: "office", exploited: true },
  ooxml: { description: "Office Open XML package", family: "office", exploited: true },
  "ole-word": { description: "Word 97-2003 document", family: "office", exploited: true },
  "ole-excel": { description: "Excel 97-2003 workbook", family: "office", exploited: true },
  "ole-powerpoint": { description: "PowerPoint 97-2003 presentation", family: "office", exploited: true },
  "ole-encrypted": { description: "password-protected Office document", family: "office", exploited: true },
  ichitaro: { description: "Ichitaro document", family: "office", exploited: true },
  hwp: { description: "Hangul (HWP) document", family: "office", exploited: true },
  ole: { description: "OLE compound file" },
  "outlook-message": { description: "Outlook message (.msg)" },
  rtf: { description: "Rich Text Format (RTF)", family: "office", exploited: true },
  odf: { description: "OpenDocument file", family: "office" },
  pdf: { description: "PDF document", family: "pdf", exploited: true },
  html: { description: "HTML page", family: "html" },
  svg: { description: "SVG image (can hold script)", family: "html" },
  swf: { description: "Flash (SWF)", exploited: true },
  "java-class": { description: "Java class file", exploited: true },
  // Media and data.
  jpeg: { description: "JPEG image", family: "image" },
  png: { description: "PNG image", family: "image" },
  gif: { description: "GIF image", family: "image" },
  bmp: { description: "BMP image", family: "image" },
  tiff: { description: "TIFF image", family: "image" },
  webp: { description: "WebP image", family: "image" },
  heic: { description: "HEIF/HEIC image", family: "image" },
  mp3: { description: "MP3 audio", family: "audio" },
  wav: { description: "WAVE audio", family: "audio" },
  ogg: { description: "Ogg media", family: "audio" },
  flac: { description: "FLAC audio", family: "audio" },
  mp4: { description: "MP4/QuickTime media", family: "video" },
  avi: { description: "AVI video", family: "video" },
  matroska: { description: "Matroska/WebM media", family: "video" },
  xml: { description: "XML" },
  email: { description: "mail message" },
  calendar: { description: "iCalendar", family: "calendar" },
  pkcs7: { description: "PKCS #7 signed data" },
  pgp: { description: "OpenPGP data" },
  tnef: { description: "Outlook TNEF (winmail.dat)" },
});

export type ContentKind = keyof typeof CONTENT_KINDS;

export function describeKind(kind: ContentKind): string {
  return CONTENT_KINDS[kind].description;
}

export function familyOfKind(kind: ContentKind): FileFamily | undefined {
  return (CONTENT_KINDS[kind] as KindInfo).family;
}

export function isExploitedKind(kind: ContentKind): boolean {
  return (CONTENT_KINDS[kind] as KindInfo).exploited === true;
}

/** Kinds whose entries the readers list (archives, disk images, containers). */
export function isArchiveKind(kind: ContentKind): boolean {
  return familyOfKind(kind) === "archive";
}

// The project's own checks of an add-in manifest, beyond what the XML schemas can say:
// every resid resolves to a resource of the right kind, every URL starts with the build's base
// URL, icons exist with the sizes the manifest declares, the requirement sets and the permission
// are the intended ones, and every visible string has its ja-JP override.
// Used by scripts/validate.js (npm run validate) and by test/manifest.test.ts.

/** Requirement sets as intended: the add-in loads anywhere, the ribbon button needs 1.8. */
export const BASE_MAILBOX_MIN = "1.1";
export const BUTTON_MAILBOX_MIN = "1.8";
export const PERMISSION = "ReadItem";
/** Permissions above ReadItem, which this add-in must never ask for. */
const ABOVE_READ_ITEM = ["ReadWriteItem", "ReadWriteMailbox"];
/** Office's mandatory button icon sizes. */
const BUTTON_ICON_SIZES = [16, 32, 80];
const IMAGE_SIZE_OF = { IconUrl: 64, HighResolutionIconUrl: 128 };

// ---- a small XML reader (the schema check runs first, so the input is well-formed) -----------

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf("&", i);
    if (amp < 0) return out + text.slice(i);
    const semi = text.indexOf(";", amp);
    const name = semi < 0 ? "" : text.slice(amp + 1, semi);
    let value;
    if (name in ENTITIES) value = ENTITIES[name];
    else if (name.startsWith("#x")) value = String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith("#")) value = String.fromCodePoint(parseInt(name.slice(1), 10));
    out += text.slice(i, amp) + (value ?? "&");
    i = value === undefined ? amp + 1 : semi + 1;
  }
  return out;
}

/** Element tree: { name, local, attrs, children, text, parent }. */
export function parseXml(xml) {
  const root = { name: "#document", local: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (lt > i) current.text += decode(xml.slice(i, lt));
    if (xml.startsWith("<!--", lt)) {
      i = xml.indexOf("-->", lt) + 3;
    } else if (xml.startsWith("<?", lt)) {
      i = xml.indexOf("?>", lt) + 2;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      current.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      i = xml.indexOf(">", lt) + 1;
    } else if (xml[lt + 1] === "/") {
      current = current.parent ?? root;
      i = xml.indexOf(">", lt) + 1;
    } else {
      const end = tagEnd(xml, lt);
      const body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith("/");
      const { name, attrs } = parseTag(selfClosing ? body.slice(0, -1) : body);
      const element = { name, local: name.slice(name.indexOf(":") + 1), attrs, children: [], text: "", parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
      i = end + 1;
    }
  }
  return root;
}

/** The ">" that ends the tag starting at `start`, skipping quoted attribute values. */
function tagEnd(xml, start) {
  let quote = "";
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  throw new Error("unterminated tag");
}

function parseTag(body) {
  let i = 0;
  const isSpace = (c) => c === " " || c === "\n" || c === "\r" || c === "\t";
  while (i < body.length && !isSpace(body[i])) i++;
  const name = body.slice(0, i);
  const attrs = {};
  while (i < body.length) {
    while (i < body.length && isSpace(body[i])) i++;
    const eq = body.indexOf("=", i);
    if (eq < 0) break;
    const key = body.slice(i, eq).trim();
    const quote = body[eq + 1];
    const close = body.indexOf(quote, eq + 2);
    attrs[key] = decode(body.slice(eq + 2, close));
    i = close + 1;
  }
  return { name, attrs };
}

function* walk(element) {
  for (const child of element.children) {
    yield child;
    yield* walk(child);
  }
}

const childrenNamed = (element, local) => element.children.filter((c) => c.local === local);
const xsiType = (element) => element.attrs["xsi:type"];
const where = (element) => {
  const id = element.attrs.id ?? element.attrs.resid;
  return `<${element.name}${id ? ` ${element.attrs.id ? "id" : "resid"}="${id}"` : ""}>`;
};

/** Width and height of a PNG, or undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Checks a manifest. Options:
 *   baseUrl            every URL must start with it (ends with "/")
 *   readFile(path)     bytes of a file at `path` relative to the base URL, or undefined
 *   requireAllFiles    every URL must name an existing file (a built dist/), not only icons
 *   notificationIcon   the image id the pane uses for notification messages
 * Returns { errors: string[], passed: string[] }.
 */
export function checkManifest(xml, options) {
  const { baseUrl, readFile, requireAllFiles = false, notificationIcon } = options;
  const errors = [];
  const passed = [];
  const check = (description, problems) => {
    if (problems.length === 0) passed.push(description);
    else errors.push(...problems.map((p) => `${description}: ${p}`));
  };
  const doc = parseXml(xml);
  const app = doc.children.find((c) => c.local === "OfficeApp");
  if (!app) return { errors: ["no <OfficeApp> root element"], passed };
  const all = [...walk(app)];

  check("a mail add-in", xsiType(app) === "MailApp" ? [] : [`xsi:type is "${xsiType(app)}", not "MailApp"`]);

  // Permission: ReadItem, nothing above.
  const permissions = all.filter((e) => e.local === "Permissions").map((e) => e.text.trim());
  check(
    `permission ${PERMISSION} only`,
    permissions.length !== 1
      ? [`expected one <Permissions>, found ${permissions.length}`]
      : permissions[0] === PERMISSION
        ? []
        : [`<Permissions> is "${permissions[0]}"${ABOVE_READ_ITEM.includes(permissions[0]) ? " — more than the add-in needs" : ""}`],
  );

  // Requirement sets.
  const baseSets = childrenNamed(app, "Requirements").flatMap((r) => childrenNamed(r, "Sets")).flatMap((s) => childrenNamed(s, "Set"));
  check(
    `base requirement Mailbox ${BASE_MAILBOX_MIN}`,
    baseSets.length === 1 && baseSets[0].attrs.Name === "Mailbox" && baseSets[0].attrs.MinVersion === BASE_MAILBOX_MIN
      ? []
      : [`expected <Set Name="Mailbox" MinVersion="${BASE_MAILBOX_MIN}"/>, found ${baseSets.map(where).join(", ") || "none"}`],
  );
  const v11 = all.filter((e) => e.local === "VersionOverrides" && xsiType(e) === "VersionOverridesV1_1");
  const v10 = all.filter((e) => e.local === "VersionOverrides" && xsiType(e) === "VersionOverridesV1_0");
  const buttonProblems = [];
  if (v10.length !== 1 || v11.length !== 1 || v11[0].parent !== v10[0]) buttonProblems.push("expected one VersionOverridesV1_1 inside one VersionOverridesV1_0");
  for (const overrides of [...v10, ...v11]) {
    for (const sets of childrenNamed(overrides, "Requirements").flatMap((r) => childrenNamed(r, "Sets"))) {
      for (const set of childrenNamed(sets, "Set")) {
        const version = set.attrs.MinVersion ?? sets.attrs.DefaultMinVersion;
        if (set.attrs.Name !== "Mailbox" || version !== BUTTON_MAILBOX_MIN) buttonProblems.push(`${xsiType(overrides)} requires ${set.attrs.Name} ${version}`);
      }
    }
  }
  const v11Sets = v11.flatMap((o) => childrenNamed(o, "Requirements")).flatMap((r) => childrenNamed(r, "Sets"));
  if (v11Sets.length !== 1) buttonProblems.push(`VersionOverridesV1_1 must require Mailbox ${BUTTON_MAILBOX_MIN}`);
  check(`ribbon button requires Mailbox ${BUTTON_MAILBOX_MIN} (VersionOverrides 1.1)`, buttonProblems);

  // Extension points and actions.
  const points = all.filter((e) => e.local === "ExtensionPoint");
  const actions = all.filter((e) => e.local === "Action");
  check(
    "a MessageReadCommandSurface button that opens a pinnable task pane",
    [
      ...(points.length === 0 ? ["no extension point"] : []),
      ...points.filter((p) => xsiType(p) !== "MessageReadCommandSurface").map((p) => `unexpected extension point ${xsiType(p)}`),
      ...(actions.length === 0 ? ["no action"] : []),
      ...actions.filter((a) => xsiType(a) !== "ShowTaskpane").map((a) => `action ${xsiType(a)} is not ShowTaskpane`),
      ...actions
        .filter((a) => childrenNamed(a, "SupportsPinning").map((s) => s.text.trim())[0] !== "true")
        .map(() => "ShowTaskpane without <SupportsPinning>true</SupportsPinning>"),
    ],
  );

  // Resources and resid references.
  const resources = new Map(); // id → { kind, element }
  const duplicateIds = [];
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of all.filter((e) => e.local === kind)) {
      for (const item of group.children) {
        if (resources.has(item.attrs.id)) duplicateIds.push(item.attrs.id);
        resources.set(item.attrs.id, { kind, element: item });
      }
    }
  }
  const expectedKind = (element) => {
    if (element.local === "Label" || element.local === "Title") return "ShortStrings";
    if (element.local === "Description") return "LongStrings";
    if (element.local === "Image") return "Images";
    if (element.local === "SourceLocation" || element.local === "FunctionFile") return "Urls";
    return undefined;
  };
  const residProblems = duplicateIds.map((id) => `id "${id}" is defined more than once`);
  const used = new Set();
  for (const element of all.filter((e) => e.attrs.resid !== undefined)) {
    const resource = resources.get(element.attrs.resid);
    const kind = expectedKind(element);
    used.add(element.attrs.resid);
    if (!resource) residProblems.push(`${where(element)} names no defined resource`);
    else if (kind && resource.kind !== kind) residProblems.push(`${where(element)} must name a ${kind} resource, "${element.attrs.resid}" is in ${resource.kind}`);
  }
  if (notificationIcon !== undefined) {
    used.add(notificationIcon);
    if (resources.get(notificationIcon)?.kind !== "Images") residProblems.push(`the pane's notification icon "${notificationIcon}" is not an image of <bt:Images>`);
  }
  for (const [id] of resources) if (!used.has(id)) residProblems.push(`resource "${id}" is never used`);
  check("every resid resolves to a resource of the right kind", residProblems);

  // URLs: the base URL's, and (for icons, or everything in dist/) existing files.
  const urlElements = all.filter(
    (e) =>
      (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(e.local) && e.attrs.DefaultValue !== undefined) ||
      ((e.local === "Image" || e.local === "Url") && e.attrs.id !== undefined),
  );
  const urls = []; // { element, url }
  for (const e of urlElements) {
    urls.push({ element: e, url: e.attrs.DefaultValue });
    for (const o of childrenNamed(e, "Override")) urls.push({ element: e, url: o.attrs.Value });
  }
  check(
    `every URL starts with ${baseUrl}`,
    urls.filter(({ url }) => !url?.startsWith(baseUrl)).map(({ element, url }) => `${where(element)} has ${url}`),
  );
  const fileProblems = [];
  const fileOf = (url) => url.slice(baseUrl.length).split(/[?#]/)[0];
  for (const { element, url } of urls) {
    if (!url?.startsWith(baseUrl)) continue;
    const isImage = element.local === "Image" || element.local in IMAGE_SIZE_OF;
    if (!isImage && !requireAllFiles) continue;
    const bytes = readFile(fileOf(url));
    if (!bytes) {
      fileProblems.push(`${where(element)}: ${fileOf(url)} does not exist`);
      continue;
    }
    if (!isImage) continue;
    const size = pngSize(bytes);
    const declared = IMAGE_SIZE_OF[element.local] ?? declaredImageSize(all, element.attrs.id);
    if (!size) fileProblems.push(`${where(element)}: ${fileOf(url)} is not a PNG`);
    else if (declared !== undefined && (size.width !== declared || size.height !== declared)) {
      fileProblems.push(`${where(element)}: ${fileOf(url)} is ${size.width}×${size.height}, declared ${declared}×${declared}`);
    }
  }
  for (const icon of all.filter((e) => e.local === "Icon")) {
    const sizes = childrenNamed(icon, "Image").map((i) => Number(i.attrs.size));
    for (const size of BUTTON_ICON_SIZES) if (!sizes.includes(size)) fileProblems.push(`a button icon lacks the mandatory ${size}×${size} image`);
  }
  check(requireAllFiles ? "every URL names a built file; icons have their declared sizes" : "icons exist and have their declared sizes", fileProblems);

  // Japanese: every visible string has its ja-JP override.
  const jaProblems = [];
  for (const e of all.filter((x) => x.parent === app && (x.local === "DisplayName" || x.local === "Description"))) {
    if (!childrenNamed(e, "Override").some((o) => o.attrs.Locale === "ja-JP" && o.attrs.Value?.trim())) jaProblems.push(`<${e.local}> has no ja-JP override`);
  }
  for (const [id, { kind, element }] of resources) {
    if (kind !== "ShortStrings" && kind !== "LongStrings") continue;
    if (!childrenNamed(element, "Override").some((o) => o.attrs.Locale === "ja-JP" && o.attrs.Value?.trim())) jaProblems.push(`string "${id}" has no ja-JP override`);
  }
  check("every visible string has a ja-JP override", jaProblems);

  return { errors, passed };
}

/** The size a <bt:Image size="…" resid="id"/> declares for an image resource. */
function declaredImageSize(all, id) {
  const use = all.find((e) => e.local === "Image" && e.attrs.resid === id && e.attrs.size !== undefined);
  return use ? Number(use.attrs.size) : undefined;
}

/** The manifest with every URL under `from` moved to `to` (what the build writes to dist/). */
export function rebaseManifest(xml, from, to) {
  return xml.split(from).join(to);
}

// A small OLE compound file writer ([MS-CFB] version 3: 512-byte sectors, 64-byte mini sectors,
// streams under 4096 bytes in the mini stream) for the test fixtures and the fuzzer's seed mails
// (test/helpers/ole.ts re-exports it; types in ole.d.ts). Storages are implied by stream paths
// ("Macros/VBA/dir"); class IDs can be set per storage or on the root.
import { TextEncoder } from "node:util";

const enc = new TextEncoder();
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function clsidBytes(text) {
  const hex = text.replace(/[{}-]/g, "");
  const b = (i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return [b(3), b(2), b(1), b(0), b(5), b(4), b(7), b(6), ...Array.from({ length: 8 }, (_, i) => b(8 + i))];
}

export function buildOle(options) {
  const root = { name: "Root Entry", type: 5, children: [] };
  const storage = (path) => {
    let node = root;
    for (const part of path.split("/").filter((p) => p !== "")) {
      let child = node.children.find((c) => c.name === part && c.type === 1);
      if (!child) {
        child = { name: part, type: 1, children: [] };
        node.children.push(child);
      }
      node = child;
    }
    return node;
  };
  for (const s of options.storages ?? []) storage(s);
  for (const [path, content] of Object.entries(options.streams)) {
    const cut = path.lastIndexOf("/");
    const parent = storage(cut < 0 ? "" : path.slice(0, cut));
    parent.children.push({ name: path.slice(cut + 1), type: 2, children: [], data: typeof content === "string" ? enc.encode(content) : content });
  }
  for (const [path, clsid] of Object.entries(options.clsids ?? {})) storage(path).clsid = clsid;

  const nodes = [];
  const visit = (n) => {
    n.index = nodes.length;
    nodes.push(n);
    n.children.forEach(visit);
  };
  visit(root);

  // Mini stream: small streams packed in 64-byte mini sectors.
  const mini = [];
  const miniFat = [];
  const big = [];
  for (const n of nodes) {
    if (n.type !== 2) continue;
    if (n.data.length >= 4096) {
      big.push(n);
      continue;
    }
    if (n.data.length === 0) {
      n.start = ENDOFCHAIN;
      continue;
    }
    const first = mini.length / 64;
    const count = Math.ceil(n.data.length / 64);
    n.start = first;
    mini.push(...n.data, ...new Array(count * 64 - n.data.length).fill(0));
    for (let k = 0; k < count; k++) miniFat.push(k === count - 1 ? ENDOFCHAIN : first + k + 1);
  }
  const dirSectors = Math.ceil((nodes.length * 128) / 512);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / 512);
  const miniSectors = Math.ceil(mini.length / 512);
  const bigSectors = big.map((n) => Math.ceil(n.data.length / 512));
  const other = dirSectors + miniFatSectors + miniSectors + bigSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + other) fatSectors++;
  const total = fatSectors + other;
  const fat = new Array(fatSectors * 128).fill(FREESECT);
  let next = 0;
  const allocate = (count) => {
    if (count === 0) return ENDOFCHAIN;
    const first = next;
    for (let k = 0; k < count; k++) fat[first + k] = k === count - 1 ? ENDOFCHAIN : first + k + 1;
    next += count;
    return first;
  };
  for (let k = 0; k < fatSectors; k++) fat[next++] = FATSECT;
  const dirStart = allocate(dirSectors);
  const miniFatStart = allocate(miniFatSectors);
  const miniStart = allocate(miniSectors);
  big.forEach((n, i) => (n.start = allocate(bigSectors[i])));

  const out = new Uint8Array(512 + total * 512);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, fatSectors, true);
  view.setUint32(48, dirStart, true);
  view.setUint32(56, 4096, true);
  view.setUint32(60, miniFatSectors === 0 ? ENDOFCHAIN : miniFatStart, true);
  view.setUint32(64, miniFatSectors, true);
  view.setUint32(68, ENDOFCHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i < fatSectors ? i : FREESECT, true);
  const sector = (s) => 512 + s * 512;
  fat.forEach((v, i) => view.setUint32(sector(0) + i * 4, v, true));
  miniFat.forEach((v, i) => view.setUint32(sector(miniFatStart) + i * 4, v, true));
  for (let i = miniFat.length; i < miniFatSectors * 128; i++) view.setUint32(sector(miniFatStart) + i * 4, FREESECT, true);
  if (mini.length > 0) out.set(mini, sector(miniStart));
  for (const n of big) out.set(n.data, sector(n.start));

  nodes.forEach((n, i) => {
    const o = sector(dirStart) + i * 128;
    const name = n.name.slice(0, 31);
    for (let k = 0; k < name.length; k++) view.setUint16(o + k * 2, name.charCodeAt(k), true);
    view.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = n.type;
    out[o + 67] = 1;
    view.setUint32(o + 68, NOSTREAM, true);
    // Siblings chained through "right": a valid (if unbalanced) tree.
    view.setUint32(o + 72, NOSTREAM, true);
    view.setUint32(o + 76, n.children.length > 0 ? n.children[0].index : NOSTREAM, true);
    if (n.clsid) out.set(clsidBytes(n.clsid), o + 80);
    const start = n.type === 5 ? (mini.length === 0 ? ENDOFCHAIN : miniStart) : n.type === 2 ? n.start : 0;
    view.setUint32(o + 116, start, true);
    view.setUint32(o + 120, n.type === 5 ? mini.length : n.type === 2 ? n.data.length : 0, true);
  });
  for (const n of nodes) {
    n.children.forEach((c, k) => {
      const sibling = n.children[k + 1];
      if (sibling) view.setUint32(sector(dirStart) + c.index * 128 + 72, sibling.index, true);
    });
  }
  // Unused directory slots are empty entries.
  for (let i = nodes.length; i < dirSectors * 4; i++) {
    const o = sector(dirStart) + i * 128;
    view.setUint32(o + 68, NOSTREAM, true);
    view.setUint32(o + 72, NOSTREAM, true);
    view.setUint32(o + 76, NOSTREAM, true);
  }
  return out;
}

/** An OLE Package object's native data (the Ole10Native stream): what shows as an icon with a file name. */
export function ole10Native(fileName, data, sized = true) {
  const name = enc.encode(fileName);
  const path = enc.encode(`C:\\Users\\a\\${fileName}`);
  const body = [0x02, 0x00, ...name, 0, ...path, 0, 0, 0, 3, 0, path.length + 1, 0, 0, 0, ...path, 0, data.length & 0xff, (data.length >> 8) & 0xff, (data.length >> 16) & 0xff, data.length >>> 24, ...data];
  const size = body.length;
  return Uint8Array.from(sized ? [size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, size >>> 24, ...body] : body);
}

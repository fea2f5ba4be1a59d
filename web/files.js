// Files on the device for import and export: read a chosen, dropped or pasted file, download a
// file, or hand it to the share sheet. Kept in JavaScript for the same reason as media.js (the
// Rust bindings for File, FileReader, Blob and the Share API cost more of the bundle than this).

const LIMIT = 20 * 1024 * 1024;

async function read(file) {
  if (!file) throw new Error('No file was chosen.');
  if (file.size > LIMIT) throw new Error(`${file.name} is larger than 20 MB; that is not a card file.`);
  try {
    // UTF-8 (a byte-order mark or not), or UTF-16 with its byte-order mark (Excel's "Unicode
    // Text"), the same in every browser; other bytes come through as U+FFFD, and the app names them.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const bom = (bytes[0] << 8) | bytes[1];
    return [file.name, new TextDecoder(bom === 0xfffe ? 'utf-16le' : bom === 0xfeff ? 'utf-16be' : 'utf-8').decode(bytes)];
  } catch (e) {
    throw new Error(`${file.name} could not be read.`);
  }
}

// [name, text] of the file chosen in <input type=file id=...>.
export function readInput(id) {
  const input = document.getElementById(id);
  return read(input && input.files && input.files[0]);
}

// [name, text] of the first file of a drop event.
export function readDrop(event) {
  const files = event.dataTransfer && event.dataTransfer.files;
  return read(files && files[0]);
}

function blob(type, text) {
  return new Blob([text], { type });
}

export function download(name, type, text) {
  const url = URL.createObjectURL(blob(type, text));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function asFile(name, type, text) {
  return new File([text], name, { type });
}

// Whether the share sheet takes files here (phones mostly).
export function canShare() {
  try {
    return !!(navigator.share && navigator.canShare && navigator.canShare({ files: [asFile('x.json', 'application/json', '{}')] }));
  } catch (e) {
    return false;
  }
}

// Resolves to "" when shared or dismissed, or to a sentence when sharing failed.
export async function share(name, type, text) {
  try {
    await navigator.share({ files: [asFile(name, type, text)], title: name });
    return '';
  } catch (e) {
    return e && e.name === 'AbortError' ? '' : 'Sharing did not work here; use the download instead.';
  }
}

// The text of one of the app's own files (a role track's answers, tracks/<key>.txt), from the
// service worker's cache once installed. Rejects with a sentence when it cannot be had.
export async function fetchText(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error('there is no connection and no copy on this device yet');
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}

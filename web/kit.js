// The interview kit's ways out of the page: copy text, hand it to the share sheet, print. Each
// resolves to a sentence for the person (what happened, or why it did not).

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied.';
  } catch (e) {
    return 'Copying did not work here: select the text and copy it instead.';
  }
}

// Whether the share sheet takes text here (phones mostly).
export function canShareText() {
  return typeof navigator.share === 'function';
}

export async function shareText(title, text) {
  if (typeof navigator.share !== 'function') return copyText(text);
  try {
    await navigator.share({ title, text });
    return '';
  } catch (e) {
    return e && e.name === 'AbortError' ? '' : copyText(text);
  }
}

export function printPage() {
  window.print();
}

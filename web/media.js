// Recording a rehearsed answer on the device, and optional speech to text.
// Kept in JavaScript because these browser APIs are event-heavy and their Rust bindings would cost
// several kilobytes of the bundle budget; the app (src/app/media.rs) calls these few functions.
// Nothing here sends data anywhere: the recording is a Blob in memory with a blob: URL.

let recorder = null;
let wanted = false;
let recognition = null;
let listener = () => {};
// Always after the current task: the app is often in the middle of handling an action when it
// calls in here, and must not be called back from within it.
const notify = (...args) => queueMicrotask(() => listener(...args));

const Speech = () => globalThis.SpeechRecognition || globalThis.webkitSpeechRecognition;

// 1: can record (microphone API and MediaRecorder); 2: has speech recognition.
export function support() {
  const md = globalThis.navigator && navigator.mediaDevices;
  return (md && md.getUserMedia && globalThis.MediaRecorder ? 1 : 0) | (Speech() ? 2 : 0);
}

// cb(kind, text, number): "start"; "stop"; "url" (blob URL, bytes); "text" (a final transcript
// piece, already appended to the field); "error" (a sentence for the person).
export function listen(cb) {
  listener = cb;
}

function stopTracks(stream) {
  for (const t of stream.getTracks()) t.stop();
}

export async function start(speech, fieldId) {
  if (recorder || wanted) return;
  wanted = true;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (e) {
    wanted = false;
    const denied = e && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
    notify('error', denied
      ? 'The microphone is blocked for this site. Allow it in the browser’s site settings to record, or type your answer.'
      : 'No microphone could be opened. Type your answer instead.', 0);
    return;
  }
  if (!wanted) { stopTracks(stream); return; } // stopped while the browser was asking
  const chunks = [];
  const started = Date.now();
  try {
    recorder = new MediaRecorder(stream);
  } catch (e) {
    stopTracks(stream);
    wanted = false;
    notify('error', 'This browser cannot record audio here. Type your answer instead.', 0);
    return;
  }
  recorder.ondataavailable = (ev) => { if (ev.data && ev.data.size) chunks.push(ev.data); };
  recorder.onstop = () => {
    stopTracks(stream);
    recorder = null;
    const blob = new Blob(chunks, { type: chunks.length ? chunks[0].type : 'audio/webm' });
    notify('url', URL.createObjectURL(blob), blob.size, Date.now() - started);
  };
  recorder.start(1000);
  notify('start', '', 0);
  const S = Speech();
  if (speech && S) {
    try {
      recognition = new S();
      recognition.continuous = true;
      recognition.interimResults = false;
      recognition.lang = document.documentElement.lang || 'en';
      recognition.onresult = (ev) => {
        let text = '';
        for (let i = ev.resultIndex; i < ev.results.length; i++) if (ev.results[i].isFinal) text += ev.results[i][0].transcript;
        const field = document.getElementById(fieldId);
        if (text && field) {
          field.value = (field.value ? field.value.replace(/\s+$/, '') + ' ' : '') + text.trim();
          // As if typed: the app keeps the box's text in its state (a later render puts it back).
          field.dispatchEvent(new Event('input', { bubbles: true }));
          notify('text', text, 0);
        }
      };
      recognition.onerror = (ev) => {
        if (ev.error !== 'no-speech' && ev.error !== 'aborted') notify('error', 'Speech to text stopped (' + ev.error + '). The recording goes on; type what is missing.', 0);
      };
      recognition.start();
    } catch (e) {
      recognition = null;
    }
  }
}

export function stop() {
  wanted = false;
  if (recognition) { try { recognition.stop(); } catch (e) { /* already stopped */ } recognition = null; }
  if (recorder && recorder.state !== 'inactive') recorder.stop();
  notify('stop', '', 0);
}

export function forget(url) {
  URL.revokeObjectURL(url);
}

// The mock interview's voice: the device's own speech synthesis (on-device voices work offline).
const synth = () => globalThis.speechSynthesis;

// The names of the voices this device has, one a line ("" when none, or no speech synthesis).
export function voices() {
  const s = synth();
  if (!s || !globalThis.SpeechSynthesisUtterance) return '';
  try { return s.getVoices().map((v) => v.name).join('\n'); } catch (e) { return ''; }
}

// Says `text` with the voice named (the device's default when none or not found) at `rate`
// (1 is normal). Returns 0 when speaking, 1 without speech synthesis, 2 with no voice. Each call
// cuts off what was being said.
export function say(text, voice, rate) {
  const s = synth();
  if (!s || !globalThis.SpeechSynthesisUtterance) { notify('mute', '', 0); return 1; }
  let all = [];
  try { all = s.getVoices(); } catch (e) { all = []; }
  if (!all.length) { notify('mute', '', 0); return 2; }
  try {
    s.cancel();
    const u = new SpeechSynthesisUtterance(text);
    const chosen = all.find((v) => v.name === voice);
    if (chosen) { u.voice = chosen; u.lang = chosen.lang; }
    u.rate = rate;
    u.onerror = (ev) => { if (ev.error !== 'interrupted' && ev.error !== 'canceled') notify('mute', String(ev.error || ''), 0); };
    s.speak(u);
    return 0;
  } catch (e) {
    notify('mute', String((e && e.message) || ''), 0);
    return 2;
  }
}

// Stops speaking at once.
export function hush() {
  const s = synth();
  if (s) { try { s.cancel(); } catch (e) { /* nothing to stop */ } }
}

// Voices often arrive after the page loads: tell the app when the list changes.
export function watchVoices() {
  const s = synth();
  if (s && s.addEventListener) s.addEventListener('voiceschanged', () => notify('voices', '', 0));
}

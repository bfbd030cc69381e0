// Headless Chromium for page tests: Debian's `chromium` driven by playwright-core (never a downloaded browser), with
// the flags that keep it off the network (this machine has none) and a fresh profile per launch. A missing
// browser fails the suite loudly: CI installs it (.ci/run).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const OFFLINE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { timezoneId?: string } = {}): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install -y chromium fonts-nanum\` (.ci/run does)`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'uhok-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: OFFLINE_FLAGS,
    locale: 'ko-KR',
    timezoneId: options.timezoneId,
    viewport: { width: 800, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test may forbid: console errors, uncaught exceptions, dialogs (alert/confirm/prompt). */
export interface PageWatch {
  consoleErrors: ConsoleMessage[];
  pageErrors: Error[];
  dialogs: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message);
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}

/**
 * A short WebM clip recorded by Chromium itself from a drawn canvas (there is no video tool on this machine), to
 * give the player something that really plays.
 */
export async function recordTestClip(context: BrowserContext, milliseconds = 1500): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const bytes = await page.evaluate(async (ms) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      let frame = 0;
      const draw = setInterval(() => {
        g.fillStyle = `hsl(${(frame++ * 12) % 360} 70% 50%)`;
        g.fillRect(0, 0, 320, 180);
      }, 40);
      recorder.start(250);
      await new Promise((resolve) => setTimeout(resolve, ms));
      recorder.stop();
      await stopped;
      clearInterval(draw);
      return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
    }, milliseconds);
    return Buffer.from(bytes);
  } finally {
    await page.close();
  }
}

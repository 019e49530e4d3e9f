// Debian's headless Chromium, driven by playwright-core (never Playwright's own browser download), with the
// flags that keep it off the network and quiet on a machine without a display. Shared by every browser test.
// CHROMIUM chooses another executable.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

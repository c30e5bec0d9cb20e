import type { Browser } from "puppeteer-core";
export function findChromium(): string | undefined;
export function launchChromium(userDataDir: string): Promise<Browser>;

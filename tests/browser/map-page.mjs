// The web map page in headless Chromium (Debian's chromium, driven by npm playwright-core): it loads from a
// file with every network request refused, draws one marker per feature of the inline data, both sides'
// colours, a popup with quote, date and source link, a time slider that hides later claims, and a
// screenshot in which the side colours are painted.
// usage: node tests/browser/map-page.mjs PAGE.html SCREENSHOT.png   (CHROMIUM overrides /usr/bin/chromium)
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

const [pagePath, shotPath] = process.argv.slice(2);
if (!pagePath || !shotPath) {
  console.error("usage: node tests/browser/map-page.mjs PAGE.html SCREENSHOT.png");
  process.exit(2);
}
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

// A page with claims: every marker drawn, both sides, the slider, a popup. Returns what it saw.
async function claimChecks(page, drawn) {
  const c = drawn.counts;
  check(c.claims > 0 && drawn.claims === c.claims, `claims drawn ${drawn.claims} of ${c.claims}`);
  check(drawn.ua > 0 && drawn.ru > 0, `both sides drawn (UA ${drawn.ua}, RU ${drawn.ru})`);
  check(drawn.places === c.places && drawn.labels === c.places, `places ${drawn.places}/${drawn.labels} of ${c.places}`);
  check(drawn.links === c.links, `links ${drawn.links} of ${c.links}`);
  check(drawn.quantities === c.quantities, `quantities ${drawn.quantities} of ${c.quantities}`);
  check(drawn.legend >= 8, `legend entries ${drawn.legend}`);
  // The slider: at the first date only the claims of that day (and undated ones) stay.
  const first = await page.evaluate(() => window.placemap.showUpTo(0));
  const firstDrawn = await page.evaluate(() => document.querySelectorAll("path.pm-claim").length);
  check(drawn.dates.length > 1 && first < c.claims && firstDrawn === first,
    `slider at ${drawn.dates[0]}: ${firstDrawn} drawn, ${first} expected, of ${c.claims}`);
  await page.evaluate(() => window.placemap.showUpTo(window.placemap.dates.length - 1));
  // A popup: title, quote, date, source link.
  await page.evaluate(() => {
    const m = document.querySelector("path.pm-claim.pm-side-RU");
    const r = m.getBoundingClientRect();
    const at = { bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 };
    m.dispatchEvent(new MouseEvent("click", at));
  });
  const popup = await page.evaluate(() => {
    const p = document.querySelector(".leaflet-popup-content");
    const a = p && p.querySelector("a.pm-link");
    return p && { title: p.querySelector(".pm-title")?.textContent, quote: p.querySelector(".pm-quote")?.textContent,
      text: p.textContent, href: a && a.href };
  });
  check(popup && popup.title && popup.quote && /date/.test(popup.text), `popup ${JSON.stringify(popup)}`);
  check(popup && /^https?:/.test(popup.href || ""), `popup link ${popup && popup.href}`);
  await page.evaluate(() => {
    document.querySelector(".leaflet-popup-close-button")?.click();
    document.querySelector("path.pm-claim.pm-side-RU").dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
  });
  await page.waitForFunction(() => !document.querySelector(".leaflet-popup"));
  return `slider at ${drawn.dates[0]}: ${firstDrawn} claims; popup "${popup && popup.title}"`;
}

// A page of an empty run: it loads and draws nothing.
function emptyChecks(drawn) {
  const c = drawn.counts;
  check(c.claims + c.places + c.links + c.quantities === 0, `an empty page with data ${JSON.stringify(c)}`);
  check(drawn.claims + drawn.places + drawn.links + drawn.quantities === 0, "an empty page draws nothing");
  return "an empty run";
}

const profile = mkdtempSync(join(tmpdir(), "placemap-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1200, height: 800 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const url = "file://" + resolve(pagePath);
  const requests = [];
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.placemap && window.placemap.ready, null, { timeout: 15000 });
  const drawn = await page.evaluate(() => ({
    counts: window.placemap.counts,
    dates: window.placemap.dates,
    claims: document.querySelectorAll("path.pm-claim").length,
    ua: document.querySelectorAll("path.pm-claim.pm-side-UA").length,
    ru: document.querySelectorAll("path.pm-claim.pm-side-RU").length,
    places: document.querySelectorAll("path.pm-place").length,
    labels: document.querySelectorAll(".pm-label").length,
    links: document.querySelectorAll("path.pm-link-line").length,
    quantities: document.querySelectorAll("path.pm-quantity").length,
    legend: document.querySelectorAll(".pm-legend .pm-dot").length,
  }));
  const c = drawn.counts;
  const popup = c.claims ? await claimChecks(page, drawn) : emptyChecks(drawn);
  await page.mouse.move(1, 1);
  await page.screenshot({ path: shotPath });
  // The legend and the controls show the colours too (and checkboxes are blue): count only the map.
  const panels = await page.evaluate(() => [...document.querySelectorAll("#pm-panel, .leaflet-control")]
    .map((e) => e.getBoundingClientRect()).map((r) => ({ x0: r.left, x1: r.right, y0: r.top, y1: r.bottom })));
  const onPanel = (x, y) => panels.some((p) => x >= p.x0 && x <= p.x1 && y >= p.y0 && y <= p.y1);
  // The screenshot: pixels of each side's colour.
  const png = PNG.sync.read(readFileSync(shotPath));
  const near = (rgb) => {
    let n = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const x = (i / 4) % png.width, y = Math.floor(i / 4 / png.width);
      if (onPanel(x, y)) continue;
      const d = Math.abs(png.data[i] - rgb[0]) + Math.abs(png.data[i + 1] - rgb[1]) + Math.abs(png.data[i + 2] - rgb[2]);
      if (d < 40) n += 1;
    }
    return n;
  };
  const blue = near([0x1f, 0x77, 0xb4]), red = near([0xd6, 0x27, 0x28]);
  check(c.claims ? blue > 100 && red > 100 : blue + red === 0, `side colours in the screenshot: UA blue ${blue} px, RU red ${red} px`);
  check(requests.length === 0, `network requests: ${requests.join(", ")}`);
  check(errors.length === 0, `page errors: ${errors.join("; ")}`);
  console.log(`map-page: ${drawn.claims} claims drawn (UA ${drawn.ua}, RU ${drawn.ru}), ${drawn.places} places ` +
    `labelled, ${drawn.links} links, ${drawn.quantities} quantities; ${popup}; screenshot ${png.width}x${png.height}: UA blue ${blue} px, ` +
    `RU red ${red} px; ${requests.length} network requests`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const p of problems) console.error("PROBLEM " + p);
process.exit(problems.length ? 1 : 0);

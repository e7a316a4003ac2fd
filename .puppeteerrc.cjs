// puppeteer-core never downloads a browser, but keep any transitive puppeteer from trying:
// the report is printed by Debian's Chromium (/usr/bin/chromium or $PUPPETEER_EXECUTABLE_PATH).
module.exports = { skipDownload: true };

package org.rcm.requests.e2e;

import java.nio.file.Path;
import java.util.List;

/**
 * Where Debian installs Chromium and its driver; {@code -Dbrowser.chromium=} and {@code -Dbrowser.chromedriver=}
 * point elsewhere. Given explicitly so that Selenium Manager never tries to download a browser or a driver.
 */
record BrowserPaths(Path chromium, Path chromedriver) {

    static BrowserPaths fromSystem() {
        return new BrowserPaths(Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium")),
                Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver")));
    }

    List<Path> all() {
        return List.of(chromium, chromedriver);
    }
}

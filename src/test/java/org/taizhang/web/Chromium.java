package org.taizhang.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver, driven without Selenium Manager: both paths are given, so
 * Selenium never looks for (or downloads) a browser or driver of its own; the test machines have no
 * internet.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * Skips the calling tests on a developer machine without Chromium; fails them on CI, where a skip
   * would hide a gap.
   */
  static void assumeInstalled() {
    if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "需要 " + BINARY + " 和 " + DRIVER + "（Debian: apt-get install chromium chromium-driver）";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /**
   * A headless browser with a fresh profile in {@code profileDir}, so no state leaks between runs.
   */
  static ChromeDriver start(Path profileDir, int width, int height) {
    return start(profileDir, width, height, false);
  }

  /**
   * As {@link #start(Path, int, int)}; with {@code phone} the page sees a phone's viewport of
   * exactly that size (a headless window is never narrower than 500 px), touch and a phone's user
   * agent.
   */
  static ChromeDriver start(Path profileDir, int width, int height, boolean phone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    if (phone) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true),
              "userAgent",
              "Mozilla/5.0 (Linux; Android 14; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"));
    }
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=zh-CN",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profileDir.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Signs in through the real login form and waits until the login page is left. Fails with the
   * page's error message if the form answers with one.
   */
  static void signIn(
      ChromeDriver browser, WebDriverWait wait, String baseUrl, String username, String password) {
    browser.get(baseUrl + "/login");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    clickAndWait(browser, browser.findElement(By.cssSelector("#login-form button[type=submit]")));
    if (browser.getCurrentUrl().contains("/login")) {
      String error =
          browser.findElements(By.id("login-error")).stream()
              .map(WebElement::getText)
              .findFirst()
              .orElse("(no message)");
      Assertions.fail("sign-in as " + username + " failed: " + error);
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
  }

  /**
   * Signs out with the header's 退出 button (a POST carrying the CSRF token), then drops every cookie
   * as well, so that nothing of one user's session can reach the next user.
   */
  static void signOut(ChromeDriver browser, WebDriverWait wait) {
    clickAndWait(browser, browser.findElement(By.id("logout")));
    wait.until(ExpectedConditions.urlContains("/login?logout"));
    browser.manage().deleteAllCookies();
  }

  /**
   * Clicks and waits for the next page to replace this one, so nothing is read from the old page.
   */
  static void clickAndWait(ChromeDriver browser, WebElement clickable) {
    WebElement page = browser.findElement(By.tagName("html"));
    clickable.click();
    awaitNextPage(browser, page);
  }

  /**
   * Waits until {@code oldPage} (the old page's html element) is gone and the new page has loaded.
   * While the old document is being torn down, Chromium may answer a question about its nodes with
   * an “unknown error” rather than “stale element”; that means the same thing here.
   */
  static void awaitNextPage(ChromeDriver browser, WebElement oldPage) {
    WebDriverWait navigation = new WebDriverWait(browser, Duration.ofSeconds(20));
    navigation.ignoring(WebDriverException.class);
    navigation.until(ExpectedConditions.stalenessOf(oldPage));
    navigation.until(
        d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }
}

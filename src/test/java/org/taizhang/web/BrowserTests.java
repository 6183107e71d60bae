package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.Slow;

/**
 * What the browser tests share: the service most tests share ({@link ServiceTest}; a test that sets
 * a property of its own gets an application of its own), and a headless Chromium with a fresh
 * profile and a fresh folder for the files to upload in every test.
 */
@Slow
@ServiceTest
abstract class BrowserTests {
  /** Under target/ so that {@code mvn clean} removes what the runs leave behind. */
  private static final Path WORK = Path.of("target", "browser-test");

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;

  ChromeDriver browser;
  WebDriverWait wait;

  /** The folder the files a test uploads through the form are written to. */
  Path uploads;

  private Path profile;

  @BeforeAll
  static void requireChromium() {
    Chromium.assumeInstalled();
  }

  /** The browser window's size. */
  Dimension window() {
    return new Dimension(1280, 1000);
  }

  /** Whether the browser is a phone of {@link #window()}'s size rather than a desktop window. */
  boolean phone() {
    return false;
  }

  @BeforeEach
  void startBrowser() {
    profile = freshDirectory("chromium-profile-");
    uploads = freshDirectory("upload-");
    browser = Chromium.start(profile, window().getWidth(), window().getHeight(), phone());
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    deleteRecursively(profile);
    deleteRecursively(uploads);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Opens a page and waits until it has loaded. */
  void open(String path) {
    browser.get(url(path));
    wait.until(
        d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  void signIn(String username, String password) {
    Chromium.signIn(browser, wait, url(""), username, password);
  }

  /**
   * Clicks and waits for the next page to replace this one, so nothing is read from the old page.
   */
  void clickAndWait(WebElement clickable) {
    Chromium.clickAndWait(browser, clickable);
  }

  /**
   * After the upload page's button was pressed: waits until the file's result says it was accepted
   * (static/js/upload.js sends each file on its own), opens the document it links to and returns
   * its id.
   */
  long openUploaded(String fileName) {
    WebElement item =
        wait.until(
            d ->
                d
                    .findElements(
                        By.cssSelector("#upload-results li.upload-item[data-state=accepted]"))
                    .stream()
                    .filter(e -> fileName.equals(e.getAttribute("data-name")))
                    .findFirst()
                    .orElse(null));
    long id = Long.parseLong(item.getAttribute("data-document-id"));
    assertThat(item.findElement(By.cssSelector(".upload-status")).getText()).isEqualTo("已上传，等待审核");
    clickAndWait(item.findElement(By.cssSelector("a.upload-link")));
    assertThat(browser.getCurrentUrl()).endsWith("/documents/" + id);
    return id;
  }

  /** Writes a UTF-8 text file to upload; returns its absolute path, as a file input wants it. */
  Path uploadFile(String name, String text) throws IOException {
    Path p = uploads.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toAbsolutePath();
  }

  /**
   * Loads units from {@code csv} (a units.csv with its header) the way an import does; returns how
   * many.
   */
  static int loadUnits(FolderImporter importer, String csv) throws IOException {
    Path dir = freshDirectory("units-");
    try {
      Files.writeString(dir.resolve("units.csv"), csv, StandardCharsets.UTF_8);
      return importer.loadUnits(dir);
    } finally {
      deleteRecursively(dir);
    }
  }

  /** The window as it is, for the README's first screen. */
  void screenshot(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
  }

  /** The whole page, not just the window: the window grows to the page's height for the picture. */
  void fullPageScreenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Dimension size = browser.manage().window().getSize();
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    browser
        .manage()
        .window()
        .setSize(
            new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue() + 120)));
    try {
      Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.manage().window().setSize(size);
    }
  }

  static Path freshDirectory(String prefix) {
    try {
      Files.createDirectories(WORK);
      return Files.createTempDirectory(WORK.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // Leftovers under target/ are harmless; the next mvn clean removes them.
    }
  }
}

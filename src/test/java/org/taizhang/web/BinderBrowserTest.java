package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;

/**
 * A unit's clerk builds the 迎检台账 from the unit's checklist page, watches its progress to the end
 * and downloads the PDF, which is the unit's.
 */
@SampleArchiveTest
class BinderBrowserTest extends BrowserTests {
  private static final String UNIT = "qhx-jyj";
  private static final String UNIT_NAME = "青禾县教育局";
  private static final String CLERK = "binder-jyj-clerk";

  @Autowired SampleArchive sample;
  @Autowired AccountService accounts;

  @BeforeEach
  void sampleAndClerk() {
    sample.imported();
    if (accounts.find(CLERK).isEmpty()) {
      accounts.create("test", CLERK, "教育局填报员", Role.CLERK, UNIT, ServiceTest.ADMIN_PASSWORD);
    }
  }

  @Test
  void theClerkBuildsTheBinderWatchesItAndDownloadsIt() throws Exception {
    signIn(CLERK, ServiceTest.ADMIN_PASSWORD);
    open("/units/" + UNIT + "/completeness?year=2025");
    clickAndWait(browser.findElement(By.id("binder-build")));
    assertThat(browser.getCurrentUrl()).contains("/units/" + UNIT + "/binder?year=2025");
    assertThat(browser.findElement(By.id("binder-title")).getText()).contains(UNIT_NAME);

    // The page follows the build by itself and offers the file once it is there.
    WebElement download =
        new WebDriverWait(browser, Duration.ofMinutes(3))
            .until(d -> d.findElements(By.id("binder-download")).stream().findFirst().orElse(null));
    assertThat(browser.findElement(By.id("binder-state")).getText()).isEqualTo("已生成");
    String href = download.getAttribute("href");
    assertThat(href).endsWith("/units/" + UNIT + "/binder.pdf?year=2025");

    Cookie session = browser.manage().getCookieNamed("SESSION");
    HttpResponse<byte[]> file =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SESSION=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .contains(java.net.URLEncoder.encode(UNIT_NAME, StandardCharsets.UTF_8).substring(0, 9));
    assertThat(new String(file.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument pdf = Loader.loadPDF(file.body())) {
      PDFTextStripper text = new PDFTextStripper();
      text.setEndPage(1);
      assertThat(text.getText(pdf)).contains(UNIT_NAME, "2025年度文明创建迎检台账");
      assertThat(pdf.getDocumentCatalog().getDocumentOutline()).isNotNull();
    }
  }
}

package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;

/**
 * A 一票否决 in a real headless Chromium, on the sample county: the administrator takes the best unit
 * of 文明单位 on the dashboard, records a veto on its checklist, and sees the unit drop to the bottom
 * of its system with 不得申报 where its score was, and lifts the veto again, which puts the unit back
 * where it was for the tests after this one.
 */
@SampleArchiveTest
class VetoBrowserTest extends BrowserTests {
  private static final String SYSTEM = "文明单位（文明行业）测评体系";
  private static final String REASON = "本年度发生一起安全生产责任事故，已被县安委会通报";

  @Autowired SampleArchive sample;

  @Override
  Dimension window() {
    return new Dimension(1400, 1000);
  }

  @BeforeEach
  void sampleArchive() {
    sample.imported();
  }

  private List<WebElement> rows() {
    return browser.findElements(
        By.cssSelector("section.matrix-block[data-system='" + SYSTEM + "'] tr.matrix-row"));
  }

  @Test
  void aVetoedUnitDropsToTheBottomOfItsSystemAndMayNotApply() throws Exception {
    signIn("admin", ServiceTest.ADMIN_PASSWORD);
    open("/completeness?year=2025");
    List<WebElement> before = rows();
    assertThat(before).as("units of %s", SYSTEM).hasSizeGreaterThan(2);
    WebElement best = before.get(0);
    String unit = best.getAttribute("data-unit");
    String name = best.findElement(By.cssSelector(".unit-link")).getText();
    assertThat(best.findElement(By.cssSelector(".rank")).getText()).startsWith("1/");
    assertThat(best.findElement(By.cssSelector(".score")).getText()).matches("[\\d.]+ / [\\d.]+.*");
    assertThat(best.findElements(By.cssSelector(".veto-badge"))).isEmpty();

    // The administrator records the veto on the unit's checklist.
    clickAndWait(best.findElement(By.cssSelector(".unit-link")));
    assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo(name);
    new Select(browser.findElement(By.id("veto-code"))).selectByValue("F-1");
    browser.findElement(By.id("veto-reason")).sendKeys(REASON);
    clickAndWait(browser.findElement(By.cssSelector("#veto-form button[type=submit]")));
    assertThat(browser.findElement(By.id("flash")).getText()).contains("一票否决");
    assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("一票否决 · 不得申报");
    assertThat(browser.findElements(By.id("score-value")))
        .as("no score shown for a vetoed unit")
        .isEmpty();
    assertThat(browser.findElement(By.id("veto-status")).getText())
        .contains("F-1", REASON, "创建办管理员", "不得申报");
    String rank = browser.findElement(By.id("rank")).getText();
    fullPageScreenshot("unit-completeness-vetoed.png");

    // Back on the dashboard: the bottom of its system, the veto where the score was.
    open("/completeness?year=2025");
    List<WebElement> after = rows();
    assertThat(after).hasSameSizeAs(before);
    WebElement last = after.get(after.size() - 1);
    assertThat(last.getAttribute("data-unit")).isEqualTo(unit);
    assertThat(last.findElement(By.cssSelector(".score")).getText()).isEqualTo("一票否决 · 不得申报");
    assertThat(last.findElement(By.cssSelector(".veto-badge")).getText()).isEqualTo("一票否决");
    // last of its unit type too (a system may cover several types, ranks are within the type)
    assertThat(last.findElement(By.cssSelector(".rank")).getText())
        .matches("(\\d+)/\\1")
        .isEqualTo(rank.split(" ")[0]);
    assertThat(after.get(0).getAttribute("data-unit")).isNotEqualTo(unit);
    assertThat(after.get(0).findElement(By.cssSelector(".rank")).getText()).startsWith("1/");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("一票否决", "不得申报");
    fullPageScreenshot("completeness-vetoed.png");

    // Lifted again, the unit is back at the top.
    open("/units/" + unit + "/completeness?year=2025");
    WebElement lift =
        browser.findElement(By.cssSelector(".veto-entry[data-code='F-1'] .lift-form button"));
    ((JavascriptExecutor) browser).executeScript("window.confirm = function () { return true; };");
    clickAndWait(lift);
    open("/completeness?year=2025");
    assertThat(rows().get(0).getAttribute("data-unit")).isEqualTo(unit);
  }
}

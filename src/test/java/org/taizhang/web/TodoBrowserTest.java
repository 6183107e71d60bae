package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;

/**
 * A reviewer works through a long to-do list in a real headless Chromium at phone width: narrows it
 * to one unit and year with the filters, pages through it, ticks the whole page with 全选本页, accepts
 * the selection after confirming, and finds the same filters again with the accepted documents
 * gone.
 */
@TestPropertySource(properties = "taizhang.admin.password=todo-browser-admin-pw")
class TodoBrowserTest extends BrowserTests {
  private static final String REVIEWER = "todo-reviewer";
  private static final String PASSWORD = "todo-browser-pw-1";

  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired AccountService accounts;
  @Autowired DocumentRepository documents;

  /** A phone: the list, its filters and the batch bar must work there too. */
  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  @Test
  void filterPageSelectAllAndAcceptTheSelection() throws Exception {
    loadUnits(
        importer,
        """
        code,name,type,parent
        city,星河市文明办,创建办,
        community,星河社区,文明社区,city
        tax,东城区税务局,文明单位,city
        """);
    accounts.create("test", REVIEWER, "测评员陈静", Role.REVIEWER, null, PASSWORD);
    List<Long> community2025 = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long id = upload("community", 2025, "星河社区材料" + i);
      community2025.add(id);
      upload("tax", 2025, "税务局材料" + i);
    }
    long other = upload("community", 2024, "星河社区2024年材料");
    signIn(REVIEWER, PASSWORD);

    // 1. The whole list: 121 to review, on pages of 50.
    open("/todo");
    assertThat(browser.findElement(By.id("awaiting-total")).getText()).isEqualTo("121 份");
    assertThat(browser.findElements(By.cssSelector("#awaiting .todo-item"))).hasSize(50);

    // 2. Narrowed to one unit and one year, each choice applying at once.
    new Select(browser.findElement(By.id("todo-unit"))).selectByValue("community");
    wait.until(ExpectedConditions.urlContains("unit=community"));
    new Select(browser.findElement(By.id("todo-year"))).selectByValue("2025");
    wait.until(ExpectedConditions.urlContains("year=2025"));
    assertThat(browser.findElement(By.id("awaiting-total")).getText()).isEqualTo("60 份");
    assertThat(ids()).containsExactlyElementsOf(community2025.subList(0, 50)).doesNotContain(other);

    // 3. The second page holds the rest.
    clickAndWait(browser.findElement(By.cssSelector("#awaiting-pager a[rel=next]")));
    assertThat(ids()).containsExactlyElementsOf(community2025.subList(50, 60));
    clickAndWait(browser.findElement(By.cssSelector("#awaiting-pager a[rel=prev]")));

    // 4. 全选本页 ticks the page; the bar counts it; accepting asks first.
    WebElement all = browser.findElement(By.id("select-all"));
    assertThat(all.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("batch-accept")).isEnabled())
        .as("nothing ticked yet")
        .isFalse();
    all.click();
    assertThat(browser.findElements(By.cssSelector("#awaiting input[name=ids]")))
        .allMatch(WebElement::isSelected);
    assertThat(browser.findElement(By.id("batch-count")).getText()).isEqualTo("已选 50 份");
    // one unticked by hand: 49 go
    tick(browser.findElements(By.cssSelector("#awaiting input[name=ids]")).get(49));
    assertThat(browser.findElement(By.id("batch-count")).getText()).isEqualTo("已选 49 份");
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(By.id("batch-accept")).click();
    Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("49 份");
    confirm.accept();
    Chromium.awaitNextPage(browser, page);

    // 5. Back on the same filters: the 49 are gone, each accepted; the 50th and the rest remain.
    assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("已通过 49 份材料");
    assertThat(browser.getCurrentUrl()).contains("unit=community").contains("year=2025");
    assertThat(browser.findElement(By.id("awaiting-total")).getText()).isEqualTo("11 份");
    assertThat(ids()).containsExactlyElementsOf(community2025.subList(49, 60));
    for (long id : community2025.subList(0, 49)) {
      assertThat(documents.find(id).orElseThrow().review().status())
          .isEqualTo(ReviewStatus.ACCEPTED);
    }
    assertThat(documents.find(other).orElseThrow().review().status())
        .isEqualTo(ReviewStatus.SUBMITTED);
    fullPageScreenshot("todo-batch.png");
  }

  /**
   * Clicks a box in the middle of the screen, clear of the batch bar that stays at the top while
   * scrolling.
   */
  private void tick(WebElement box) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
    box.click();
  }

  private List<Long> ids() {
    return browser.findElements(By.cssSelector("#awaiting .todo-item")).stream()
        .map(e -> Long.parseLong(e.getAttribute("data-id")))
        .toList();
  }

  private long upload(String unit, int year, String title) throws Exception {
    String text = title + "：活动记录正文 " + System.nanoTime();
    return ingest
        .ingest(
            new IngestRequest(
                unit, "activity", LocalDate.of(year, 5, 1), title, year, title + ".txt", "测试数据"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document()
        .id();
  }
}

package org.taizhang.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.binder.ArchiveNumbering;
import org.taizhang.binder.BinderPlan;
import org.taizhang.binder.BinderPlanner;
import org.taizhang.support.Basic;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;
import org.taizhang.unit.UnitRepository;

/**
 * The bundle of originals of a sample unit, downloaded as its clerk: unpacked, its index.html links
 * every file and every link opens one, the files follow the binder plan's order and start with its
 * 件号; another unit's clerk gets 404 and the download is audited as an export.
 */
@SampleArchiveTest
class BundleSampleTest {
  private static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String UNIT = "qhx-wjj";
  private static final int YEAR = 2025;

  @LocalServerPort int port;
  @Autowired SampleArchive sample;
  @Autowired AccountService accounts;
  @Autowired BinderPlanner planner;
  @Autowired ArchiveNumbering numbering;
  @Autowired UnitRepository units;
  @Autowired AuditLog audit;
  @TempDir Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    sample.imported();
    if (accounts.find("bundle-wjj-clerk").isEmpty()) {
      accounts.create("test", "bundle-wjj-clerk", "卫健局原件包", Role.CLERK, UNIT, PASSWORD);
      accounts.create("test", "bundle-other-clerk", "中心小学原件包", Role.CLERK, "hxz-zxxx", PASSWORD);
    }
  }

  @Test
  void theBundleFollowsThePlanAndItsIndexLinksEveryFile() throws Exception {
    HttpResponse<byte[]> r = get("bundle-wjj-clerk", "/units/" + UNIT + "/bundle.zip?year=" + YEAR);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "filename*=UTF-8''");
    BundleFiles.Unpacked u = BundleFiles.unzip(r.body(), tmp);

    BinderPlan plan = planner.plan(units.find(UNIT).orElseThrow(), YEAR);
    assertThat(plan.itemCount()).isGreaterThan(5);
    boolean prefixed = plan.items().map(BinderPlan.Item::retention).distinct().count() > 1;
    List<String> expectedStarts = new ArrayList<>();
    plan.sections()
        .forEach(
            s ->
                s.items()
                    .forEach(
                        i ->
                            expectedStarts.add(
                                String.format("%02d ", s.number())
                                    + "|"
                                    + (prefixed ? i.retention().code() + "-" : "")
                                    + numbering.itemNumber(i.number())
                                    + " ")));
    List<String> files = u.entries().subList(0, u.entries().size() - 1);
    assertThat(u.entries().get(u.entries().size() - 1)).isEqualTo("index.html");
    // every item of the plan, in its order, in its section's folder, named from its 件号
    assertThat(files).hasSize(expectedStarts.size());
    for (int i = 0; i < files.size(); i++) {
      String[] parts = expectedStarts.get(i).split("\\|");
      String file = files.get(i);
      assertThat(file.substring(0, file.indexOf('/'))).startsWith(parts[0]);
      assertThat(file.substring(file.indexOf('/') + 1)).startsWith(parts[1]);
    }
    List<String> links = BundleFiles.assertLinksAndFilesAgree(u);
    assertThat(links).containsAll(files);
    // the catalogue and the gaps of each section
    var index = u.index();
    assertThat(index.select("section[id^=s]")).hasSize(plan.sections().size());
    int gaps = plan.sections().stream().mapToInt(s -> s.gaps().size()).sum();
    assertThat(index.select(".gaps li")).hasSize(gaps);
    assertThat(index.select("thead").first().text()).isEqualTo("件号 档号 文号 责任者 日期 题名 页数 保管期限 备注");
    assertThat(
            audit.count(
                new AuditQuery("bundle-wjj-clerk", AuditAction.EXPORT, null, null, "台账原件包", 1, 50)))
        .isPositive();
  }

  @Test
  void aUnitOutsideTheCallersScopeIs404LikeOneThatDoesNotExist() throws Exception {
    HttpResponse<byte[]> other =
        get("bundle-other-clerk", "/units/" + UNIT + "/bundle.zip?year=" + YEAR);
    HttpResponse<byte[]> none = get("bundle-other-clerk", "/units/no-such-unit/bundle.zip");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(other.headers().firstValue("Content-Type").orElse("")).doesNotContain("zip");
    assertThat(
            audit.count(
                new AuditQuery(
                    "bundle-other-clerk", AuditAction.EXPORT, null, null, "台账原件包", 1, 50)))
        .isZero();
  }

  private HttpResponse<byte[]> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}

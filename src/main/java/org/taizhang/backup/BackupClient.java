package org.taizhang.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the running service to write a backup: {@code POST /api/admin/backups} with an
 * administrator's API token.
 */
final class BackupClient {
  private final String server;
  private final String token;
  private final PrintStream out;
  private final PrintStream err;
  private final JsonMapper json = JsonMapper.builder().build();

  BackupClient(String server, String token, PrintStream out, PrintStream err) {
    this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    this.token = token;
    this.out = out;
    this.err = err;
  }

  /** Returns the exit code of the command. */
  int request(Path target) {
    if (token == null || token.isBlank()) {
      err.println(
          "数据目录正被运行中的服务使用。要在服务运行时备份，请把管理员的 API 令牌（我的账号 → 创建令牌）"
              + "放入环境变量 TAIZHANG_TOKEN 后重试，命令会请服务写出备份（服务地址用 --server=… 指定，默认 "
              + BackupCommand.DEFAULT_SERVER
              + "）；或先停止服务。");
      return 1;
    }
    out.println("数据目录正被运行中的服务使用，改由服务 " + server + " 写出备份 …");
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(server + "/api/admin/backups"))
              .header("Authorization", "Bearer " + token.strip())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "dir=" + URLEncoder.encode(target.toString(), StandardCharsets.UTF_8)))
              .build();
    } catch (IllegalArgumentException e) {
      err.println("服务地址无效：" + server);
      return 2;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      err.println("无法连接服务 " + server + "：请确认服务正在运行，或用 --server=… 指定它的地址");
      return 1;
    } catch (IOException e) {
      err.println("请求服务 " + server + " 失败：" + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    try {
      if (response.statusCode() == 201) {
        out.println(json.readValue(response.body(), BackupSummary.class).describe());
        return 0;
      }
      JsonNode error = json.readTree(response.body());
      err.println(
          "备份失败："
              + error.path("detail").asString("服务未说明原因")
              + "（HTTP "
              + response.statusCode()
              + "）");
    } catch (JacksonException e) {
      err.println("备份失败：服务的回答无法解读（HTTP " + response.statusCode() + "）");
    }
    return 1;
  }
}

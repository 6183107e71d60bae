package org.taizhang.remind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts Markdown to a group robot's webhook: 企业微信 ({@code
 * {"msgtype":"markdown","markdown":{"content":…}}}) or 钉钉 ({@code
 * {"msgtype":"markdown","markdown":{"title":…,"text":…}}}, signed when the robot has a secret). A
 * robot answers HTTP 200 even when it refuses a message, so only {@code errcode} 0 counts as sent.
 */
@Component
class RobotChannel {
  /** 企业微信 takes at most 4096 bytes of Markdown; a Chinese character is three. */
  static final int WECOM_MAX_CHARS = 1300;

  static final int DINGTALK_MAX_CHARS = 5000;

  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock;
  private final HttpClient http;
  private final Duration timeout;

  RobotChannel(Clock clock, ReminderSettings settings) {
    this.clock = clock;
    this.timeout = settings.robotTimeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A robot that did not take a message, with the reason in Chinese. */
  static final class RobotException extends Exception {
    RobotException(String message) {
      super(message);
    }
  }

  void send(Robot robot, String title, String markdown) throws RobotException {
    Map<String, Object> body =
        robot.kind() == Robot.Kind.WECOM
            ? Map.of(
                "msgtype",
                "markdown",
                "markdown",
                Map.of("content", Outbox.clip(markdown, WECOM_MAX_CHARS)))
            : Map.of(
                "msgtype",
                "markdown",
                "markdown",
                Map.of("title", title, "text", Outbox.clip(markdown, DINGTALK_MAX_CHARS)));
    String url = robot.kind() == Robot.Kind.DINGTALK ? signed(robot) : robot.url();
    HttpResponse<String> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RobotException("无法连接机器人地址 " + robot.maskedUrl() + "：" + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RobotException("发送被中断");
    } catch (IllegalArgumentException e) {
      throw new RobotException("机器人地址无效：" + e.getMessage());
    }
    if (response.statusCode() != 200) {
      throw new RobotException(
          "机器人返回 HTTP " + response.statusCode() + "：" + Outbox.clip(response.body(), 200));
    }
    JsonNode reply;
    try {
      reply = json.readTree(response.body());
    } catch (JacksonException e) {
      throw new RobotException("机器人的答复不是 JSON：" + Outbox.clip(response.body(), 200));
    }
    JsonNode code = reply.get("errcode");
    if (code == null || !code.canConvertToInt() || code.asInt() != 0) {
      JsonNode msg = reply.get("errmsg");
      throw new RobotException(
          "机器人拒收：errcode "
              + (code == null ? "缺失" : code.asString())
              + (msg == null ? "" : "，" + msg.asString()));
    }
  }

  /**
   * DingTalk's 加签: HmacSHA256 of {@code timestamp + "\n" + secret} keyed by the secret, Base64,
   * URL-encoded, appended with the timestamp (milliseconds; the robot refuses one an hour off).
   */
  String signed(Robot robot) {
    if (robot.secret() == null || robot.secret().isBlank()) {
      return robot.url();
    }
    long timestamp = clock.millis();
    return robot.url()
        + (robot.url().contains("?") ? "&" : "?")
        + "timestamp="
        + timestamp
        + "&sign="
        + sign(timestamp, robot.secret());
  }

  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 不可用", e);
    }
  }
}

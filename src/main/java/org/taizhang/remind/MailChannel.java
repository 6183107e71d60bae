package org.taizhang.remind;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mail over the office's SMTP server ({@code spring.mail.*}). Spring Boot makes a mail sender only
 * when {@code spring.mail.host} is set; without it this channel is off and nothing is queued for
 * it.
 */
@Component
class MailChannel {
  private final ObjectProvider<JavaMailSender> sender;
  private final Environment environment;
  private final ReminderSettings settings;

  MailChannel(
      ObjectProvider<JavaMailSender> sender, Environment environment, ReminderSettings settings) {
    this.sender = sender;
    this.environment = environment;
    this.settings = settings;
  }

  boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  /** smtp.example.gov.cn:465, for the settings page; empty when mail is off. */
  Optional<String> server() {
    if (!enabled()) {
      return Optional.empty();
    }
    String host = environment.getProperty("spring.mail.host", "");
    String port = environment.getProperty("spring.mail.port", "25");
    return Optional.of(host + ":" + port);
  }

  String from() {
    String from = settings.mail().from();
    if (from != null && !from.isBlank()) {
      return from.strip();
    }
    String user = environment.getProperty("spring.mail.username", "");
    return user.contains("@") ? user : "taizhang@localhost";
  }

  /** Sends a plain-text UTF-8 message; throws with the server's reason when it refuses. */
  void send(String to, String subject, String text) throws MessagingException, MailException {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      throw new IllegalStateException("未配置邮件服务器（spring.mail.host）");
    }
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom(from());
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text);
    mail.send(message);
  }
}

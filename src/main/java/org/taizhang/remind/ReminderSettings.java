package org.taizhang.remind;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taizhang.reminders.*}. The SMTP server is Spring Boot's {@code spring.mail.*}: without
 * {@code spring.mail.host} no mail is sent.
 *
 * @param mail the sender address ({@code from}); blank: {@code spring.mail.username}
 * @param link the service's address as people open it (https://taizhang.example.gov.cn), added to
 *     each message; blank: none
 * @param sweepEvery how often due digests and retries are looked for; 0 turns the background sweep
 *     off (a test drives it)
 * @param robotTimeout how long a robot's webhook may take to answer
 */
@ConfigurationProperties("taizhang.reminders")
record ReminderSettings(
    @DefaultValue Mail mail,
    @DefaultValue("") String link,
    @DefaultValue("1m") Duration sweepEvery,
    @DefaultValue("10s") Duration robotTimeout) {

  record Mail(@DefaultValue("") String from) {}
}

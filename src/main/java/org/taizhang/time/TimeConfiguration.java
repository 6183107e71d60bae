package org.taizhang.time;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The one clock of the application, in the office's zone ({@code taizhang.time-zone}), and the JSON
 * form of instants: ISO-8601 with the office's offset, so that a script reads the same wall-clock
 * time as the pages show and still knows the exact moment.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {
  @Bean
  Clock clock(TimeSettings settings) {
    return OfficeTime.clock(settings.timeZone());
  }

  @Bean
  OfficeTime officeTime(Clock clock) {
    return new OfficeTime(clock);
  }

  @Bean
  JsonMapperBuilderCustomizer instantsWithOffset(OfficeTime time) {
    SimpleModule module = new SimpleModule("office-time");
    module.addSerializer(
        Instant.class,
        new StdSerializer<>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.offset(value)));
          }
        });
    return builder -> builder.addModule(module);
  }
}

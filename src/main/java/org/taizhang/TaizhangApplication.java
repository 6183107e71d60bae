package org.taizhang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TaizhangApplication {
  public static void main(String[] args) {
    SpringApplication.run(TaizhangApplication.class, args);
  }
}

package org.taizhang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TaizhangApplication {
  public static void main(String[] args) {
    SpringApplication.run(TaizhangApplication.class, args);
  }
}

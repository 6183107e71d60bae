package org.taizhang.extract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class ExtractConfiguration {
  @Bean(destroyMethod = "close")
  ParserPool parserPool(TaizhangProperties properties) {
    TaizhangProperties.Extract e = properties.extract();
    TaizhangProperties.Ocr ocr = properties.ocr();
    return new ParserPool(
        new ParserPool.Settings(
            e.effectiveThreads(),
            e.timeout(),
            e.workerHeap().toBytes(),
            e.maxChars(),
            e.maxImagePixels(),
            e.workerMaxFiles(),
            properties.parseTempDir(),
            properties.backgroundNice(),
            new TextExtractor.OcrSettings(
                ocr.languages(), ocr.dpi(), (int) ocr.pageTimeout().toSeconds()),
            ocr.timeout()));
  }
}

package org.taizhang.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds and sends multipart/form-data requests, as curl -F does; each {@code file} call adds one
 * more file.
 */
public final class Multipart {
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<byte[][]> files = new ArrayList<>();

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String fileName, byte[] content) {
    return file(fileName.getBytes(StandardCharsets.UTF_8), content);
  }

  /** A file whose name goes out as these bytes, as a client that does not write UTF-8 sends it. */
  public Multipart file(byte[] rawFileName, byte[] content) {
    files.add(new byte[][] {rawFileName, content});
    return this;
  }

  public HttpResponse<String> post(HttpClient client, URI uri, String... headers) throws Exception {
    String boundary = "----taizhang" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + f.getKey()
              + "\"\r\n\r\n"
              + f.getValue()
              + "\r\n");
    }
    for (byte[][] file : files) {
      write(
          body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"");
      body.writeBytes(file[0]);
      write(body, "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.write(file[1]);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request =
        builder
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}

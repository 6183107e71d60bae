package org.taizhang.ingest;

import org.taizhang.extract.ExtractionFailure;

/**
 * Why a file was not accepted. The code is stable (clients and scripts match on it); the message is
 * what the person who handed the file in reads.
 */
public enum Rejection {
  EMPTY_FILE(400, "文件为空（0 字节）"),
  FILE_TOO_LARGE(413, "文件超过大小上限"),
  UNKNOWN_UNIT(400, "单位不存在"),
  UNIT_INACTIVE(400, "单位已停用，不再接受上传"),
  UNKNOWN_CATEGORY(400, "类别不存在"),
  INVALID_DATE(400, "日期格式无法识别，请使用 2025-03-12 或 2025年3月12日"),
  INVALID_YEAR(400, "年度无效，应为 1990 至 2100 之间的年份，如 2025"),
  MISSING_FILE(400, "请求中没有文件"),
  NOT_REPLACEABLE(409, "要替换的材料不存在、不属于该单位，或已不是当前版本"),
  UNSUPPORTED_TYPE(415, "不支持的文件类型"),
  CORRUPT_FILE(422, "文件已损坏或无法解析"),
  ENCRYPTED(422, "文件已加密，请去除密码后再上传"),
  PARSE_TIMEOUT(422, "文件解析超时"),
  ZIP_BOMB(422, "文件疑似压缩炸弹（解压后体积异常），已拒收"),
  IMAGE_TOO_LARGE(422, "图片像素尺寸过大"),
  PARSE_OUT_OF_MEMORY(422, "解析此文件所需内存超出上限（文件结构异常或过于复杂），已拒收"),
  NOT_A_FILE(400, "不是普通文件（如指向导入目录之外的符号链接），未导入"),
  PATH_TRAVERSAL(422, "压缩包内的文件路径指向压缩包之外（含 ../ 或绝对路径），已拒收"),
  NESTING_TOO_DEEP(422, "压缩包嵌套层数超过上限，内层压缩包未解压"),
  TOO_MANY_MEMBERS(422, "压缩包（或邮件）内的文件数超过上限，整包拒收"),
  BUNDLE_TOO_LARGE(413, "压缩包解压后的总大小超过上限，整包拒收"),
  BUNDLE_REJECTED(422, "压缩包（或邮件附件）中没有可接收的文件"),
  STORE_UNAVAILABLE(503, "文件库暂时无法写入（对象存储无法访问），文件未保存，请稍后重试");

  private final int status;
  private final String message;

  Rejection(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  static Rejection of(ExtractionFailure failure) {
    return switch (failure) {
      case UNSUPPORTED_TYPE -> UNSUPPORTED_TYPE;
      case CORRUPT_FILE -> CORRUPT_FILE;
      case ENCRYPTED -> ENCRYPTED;
      case PARSE_TIMEOUT -> PARSE_TIMEOUT;
      case ZIP_BOMB -> ZIP_BOMB;
      case IMAGE_TOO_LARGE -> IMAGE_TOO_LARGE;
      case OUT_OF_MEMORY -> PARSE_OUT_OF_MEMORY;
      case PATH_TRAVERSAL -> PATH_TRAVERSAL;
      case NESTING_TOO_DEEP -> NESTING_TOO_DEEP;
      case TOO_MANY_MEMBERS -> TOO_MANY_MEMBERS;
      case BUNDLE_TOO_LARGE -> BUNDLE_TOO_LARGE;
      case FILE_TOO_LARGE -> FILE_TOO_LARGE;
      case NOT_A_FILE -> NOT_A_FILE;
    };
  }
}

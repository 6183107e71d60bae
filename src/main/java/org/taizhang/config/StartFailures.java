package org.taizhang.config;

/** Why a command line run could not start, told in one line for the operator. */
public final class StartFailures {
  private StartFailures() {}

  /**
   * One line for the operator when the command cannot start, most often because the service still
   * runs.
   */
  public static String explain(Throwable e) {
    if (dataDirectoryInUse(e)) {
      return "数据目录正被运行中的服务使用：请先停止服务，再执行此命令。";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConfigException) {
        return "配置文件有误：" + c.getMessage();
      }
    }
    return "无法启动：" + e.getMessage();
  }

  /**
   * Whether a command could not start because the running service holds the database or the index.
   */
  public static boolean dataDirectoryInUse(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (c.getClass().getSimpleName().equals("LockObtainFailedException")
          || m.contains("already in use")
          || m.contains("Database may be already in use")) {
        return true;
      }
    }
    return false;
  }
}

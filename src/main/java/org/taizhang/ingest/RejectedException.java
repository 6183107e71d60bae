package org.taizhang.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/** A file that was turned away; nothing of it was kept. */
public class RejectedException extends Exception implements Problem {
  private final Rejection reason;
  private final List<MemberOutcome> members;

  public RejectedException(Rejection reason, String detail) {
    this(reason, detail, List.of());
  }

  private RejectedException(Rejection reason, String detail, List<MemberOutcome> members) {
    super(detail == null ? reason.message() : reason.message() + "：" + detail);
    this.reason = reason;
    this.members = List.copyOf(members);
  }

  /**
   * A bundle none of whose members was taken in. Its reason is the members' when they share one (a
   * bundle of nothing but {@code ../} names is {@link Rejection#PATH_TRAVERSAL}), else {@link
   * Rejection#BUNDLE_REJECTED}.
   */
  static RejectedException bundle(List<MemberOutcome> members) {
    List<Rejection> reasons = members.stream().map(MemberOutcome::reason).distinct().toList();
    if (reasons.size() == 1) {
      return new RejectedException(reasons.get(0), "压缩包中的 " + members.size() + " 个文件均未接收", members);
    }
    return new RejectedException(
        Rejection.BUNDLE_REJECTED,
        members.isEmpty() ? "压缩包是空的" : members.size() + " 个文件均未接收",
        members);
  }

  /** For a refused bundle, why each of its members was refused; otherwise empty. */
  public List<MemberOutcome> members() {
    return members;
  }

  @Override
  public Map<String, Object> properties() {
    if (members.isEmpty()) {
      return Map.of();
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (MemberOutcome m : members) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("path", m.path());
      item.put("outcome", "REJECTED");
      item.put("code", m.reason().name());
      item.put("detail", m.message());
      list.add(item);
    }
    return Map.of("members", list);
  }

  public Rejection reason() {
    return reason;
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.valueOf(reason().status());
  }

  @Override
  public String code() {
    return reason().name();
  }
}

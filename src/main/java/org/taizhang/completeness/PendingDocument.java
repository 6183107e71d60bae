package org.taizhang.completeness;

/**
 * A document that would count as evidence once a person confirms what the machine is unsure of
 * (待确认): a reviewer confirms required elements on the document page, anyone who may correct its
 * description confirms its category or date there. {@code reason} says what waits: “类别为自动推断（把握
 * 45%）”, “文字识别置信度低，时间、地点待测评员确认”, “未注明日期”.
 */
public record PendingDocument(long id, String title, String reason) {}

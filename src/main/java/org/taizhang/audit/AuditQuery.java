package org.taizhang.audit;

import java.time.LocalDate;

/**
 * Which events to list. A null field does not filter.
 *
 * @param actor exact user name
 * @param target part of the target, ignoring case
 * @param from first day, inclusive, in the county's time zone (Asia/Shanghai)
 * @param to last day, inclusive, in the same zone
 * @param page counted from 1; smaller values mean 1
 * @param size rows per page; values below 1 mean 50, values above 1000 mean 1000
 */
public record AuditQuery(
    String actor,
    AuditAction action,
    LocalDate from,
    LocalDate to,
    String target,
    int page,
    int size) {}

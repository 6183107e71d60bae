package org.taizhang.tools.sample;

/**
 * The kind of organisation behind a unit. It is finer than the unit type: a town and a village are
 * both 文明村镇 but write their ledgers very differently.
 */
enum Flavor {
  COUNTY_OFFICE,
  BUREAU,
  INDUSTRY,
  TOWN,
  VILLAGE,
  COMMUNITY,
  SCHOOL
}

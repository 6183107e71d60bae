package org.taizhang.tools.sample;

import java.util.List;

/**
 * Everything the generator needs to write one unit's ledger in its own voice.
 *
 * @param code short lowercase ASCII slug, also the unit's folder name
 * @param name full name as written on documents
 * @param shortName the name used inside sentences (县教育局, 杏桥村)
 * @param type one of index-config/unit-types.txt
 * @param parentCode the parent unit's code, empty for the root
 * @param wording how this unit refers to itself and its parts
 * @param staff the people who appear in its records
 * @param site meeting room and map position
 * @param ledgerWord 台账 or 台帐 — both spellings occur in real ledgers and each unit sticks to one
 * @param camera the device its activity photos are taken with
 * @param activities at least four activities; 2024 uses the first two, 2025 the next two
 * @param highlights the unit's own signature work, one per year in turn, for its annual summary;
 *     what keeps its summaries apart from every other unit's of the same kind
 */
record UnitProfile(
    String code,
    String name,
    String shortName,
    String type,
    String parentCode,
    Flavor flavor,
    Wording wording,
    Staff staff,
    Site site,
    String ledgerWord,
    Camera camera,
    List<ActivityIdea> activities,
    List<FlavorTexts.Task> highlights) {

  /**
   * @param self how the unit says "we" in its own documents (我局, 我村)
   * @param issuer the issuing body printed on its formal documents
   * @param docPrefix the 文号 prefix, e.g. 青教发 for 青教发〔2025〕3号
   * @param addressee who its notices are sent to
   * @param decisionBody who decides (局党组, 村两委)
   * @param officeDept where the leading group's office sits
   * @param subunits what its internal parts are called (股室, 村民小组)
   * @param servicePlace where it serves the public
   * @param clients whom it serves
   */
  record Wording(
      String self,
      String issuer,
      String docPrefix,
      String addressee,
      String decisionBody,
      String officeDept,
      String subunits,
      String servicePlace,
      String clients) {}

  /** The leader chairs meetings, the deputy runs creation work, the office head keeps minutes. */
  record Staff(Person leader, Person deputy, Person office, List<Person> members) {}

  record Site(String meetingRoom, double latitude, double longitude) {}

  record Camera(String make, String model) {}

  boolean isRoot() {
    return parentCode.isEmpty();
  }
}

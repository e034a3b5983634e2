package no.lykt.tests

import no.lykt.core.AssessmentInput
import no.lykt.core.DutiesQuery
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Replays the minors' and the toolkit's shared scenario files through the bindings, deriving the
 * same values the Rust runners derive (core/tests/minors_scenarios.rs, toolkit_scenarios.rs)
 * from the JSON documents the library returns. Errors are checked by kind, and the invalid
 * answer's question and options by its message.
 */
class FeatureScenarioTest {
    private fun json(text: String) = Json.parse(text)

    private fun ids(list: Any?, key: String = "id"): List<Any?> = list.list().map { it.obj()[key] }

    private fun flag(case: Map<String, Any?>, key: String) = case[key] as Boolean? ?: false

    /** Maps are checked key by key; anything else exactly. */
    private fun satisfies(got: Any?, want: Any?): Boolean =
        if (got is Map<*, *> && want is Map<*, *>) want.all { (k, v) -> got.containsKey(k) && satisfies(got[k], v) } else got == want

    @Test
    fun `minors scenarios`() {
        for ((name, file) in scenarios("minors")) {
            val lykt = Lykt(file["locales"].list().map { it.str() })
            for (case in file["cases"].list().map { it.obj() }) {
                val where = "$name: ${case["name"]}"
                val expect = case["expect"].obj()
                when (case["op"].str()) {
                    "walk" -> {
                        val walk = try {
                            json(lykt.minorsWalkJson(case["answers"].list().map { it.str() }, unix(case["at"].str()))).obj()
                        } catch (e: LyktException) {
                            assertEquals(expect["error"], e.code(), where)
                            (expect["step"] as String?)?.let { assertTrue(e.message!!.contains("question \"$it\""), "$where: ${e.message}") }
                            (expect["valid"] as List<*>?)?.let { assertTrue(e.message!!.endsWith(it.joinToString(", ")), "$where: ${e.message}") }
                            (expect["card"] as String?)?.let { assertTrue(e.message!!.contains("\"$it\""), "$where: ${e.message}") }
                            continue
                        }
                        check(expect["error"] == null) { "$where: expected an error" }
                        val actions = walk["actions"].list().map { it.obj() }
                        val end = if (walk["finished"] == true) actions.lastOrNull() else null
                        val first = actions.firstOrNull()?.get("contacts")?.list()?.firstOrNull()?.obj()
                        for ((key, want) in expect) {
                            val got: Any? = when (key) {
                                "finished" -> walk["finished"]
                                "time_of_day" -> walk["time_of_day"]
                                "public_holiday" -> walk["public_holiday"]?.obj()?.get("id")
                                "current_step" -> walk["current_step"]?.obj()?.get("id")
                                "cards" -> ids(actions)
                                "first_contact" -> first?.get("id")
                                "first_action_uri" -> first?.get("actions")?.list()?.firstOrNull()?.obj()?.get("uri")
                                "end_card" -> walk["end_card"]
                                "end_contacts" -> end?.let { ids(it["contacts"]) }
                                "end_links" -> end?.let { ids(it["links"], "target") }
                                else -> error("$where: unknown expectation $key")
                            }
                            assertEquals(want, got, "$where: $key")
                        }
                    }
                    "placement" -> {
                        val set = case["set"].list().map { it.list() }.associate { it[0].str() to it[1].str() }
                        val view = try {
                            json(lykt.placementJson(set, unix("2026-11-24T09:30:00Z"))).obj()
                        } catch (e: LyktException) {
                            assertEquals(expect["error"], e.code(), where); continue
                        }
                        check(expect["error"] == null) { "$where: expected an error" }
                        val progress = view["progress"].obj()
                        val items = view["items"].list().map { it.obj() }
                        for ((key, want) in expect) {
                            val got: Any? = when (key) {
                                "done" -> progress["done"]
                                "total" -> progress["total"]
                                "items" -> items.size.toLong()
                                "progress_text" -> view["progress_text"]
                                "statuses" -> want.obj().keys.associateWith { id -> items.single { it["id"] == id }["status"] }
                                else -> error("$where: unknown expectation $key")
                            }
                            assertEquals(want, got, "$where: $key")
                        }
                    }
                    else -> error("$where: unknown op")
                }
            }
        }
    }

    @Test
    fun `toolkit scenarios`() {
        var run = 0
        for ((name, file) in scenarios("toolkit")) {
            val lykt = Lykt(file["locales"].list().map { it.str() })
            for (case in file["cases"].list().map { it.obj() }) {
                val where = "$name: $case"
                val expect = case["expect"].obj()
                run++
                val got = try {
                    toolkit(lykt, case)
                } catch (e: LyktException) {
                    assertEquals(expect["error"], e.code(), "$where: ${e.message}"); continue
                }
                check(expect["error"] == null) { "$where: expected an error" }
                for ((key, want) in expect) {
                    if (key == "rights_info_includes" || key == "rights_info_excludes") {
                        val have = got["rights_info"].list()
                        want.list().forEach { assertEquals(key.endsWith("includes"), it in have, "$where: $it") }
                    } else {
                        assertTrue(got.containsKey(key), "$where: op gives no $key")
                        assertTrue(satisfies(got[key], want), "$where: $key: got ${got[key]}")
                    }
                }
            }
        }
        assertTrue(run >= 60, "only $run cases")
    }

    /** Runs one toolkit case and returns what it produced, in the shape of its expectations. */
    private fun toolkit(lykt: Lykt, case: Map<String, Any?>): Map<String, Any?> {
        fun counts(list: List<Map<String, Any?>>, key: String) =
            list.mapNotNull { it[key] as String? }.groupingBy { it }.eachCount().mapValues { it.value.toLong() }
        return when (case["op"].str()) {
            "indicators" -> {
                val list = json(lykt.indicatorsJson("unsure")).list().map { it.obj() }
                mapOf(
                    "count" to list.size.toLong(),
                    "per_category" to counts(list, "category"),
                    "per_group" to counts(list, "group"),
                    "per_sector" to counts(list, "sector"),
                    "minor_only" to list.count { it["minor_only"] == true }.toLong(),
                    "settings" to json(lykt.settingsJson()).list().size.toLong(),
                )
            }
            "learn" -> mapOf("topics" to ids(json(lykt.learnJson())))
            "learn_topic" -> mapOf("title" to json(lykt.learnTopicJson(case["id"].str())).obj()["title"])
            "assess" -> {
                val r = json(
                    lykt.assessJson(
                        AssessmentInput(
                            case["observed"].list().map { it.str() }, case["minor"].str(), case["setting"] as String?,
                            flag(case, "severe_violence"), flag(case, "significant_proceeds"),
                            flag(case, "immediate_danger"), flag(case, "health_emergency"),
                        ),
                    ),
                ).obj()
                val flags = r["flags"].list().map { it.obj() }
                val groups = r["observed"].list().map { it.obj() }
                val conversation = r["conversation"].obj()
                mapOf(
                    "flags" to flags.map { it["kind"] },
                    "flag_links" to flags.associate { it["kind"] to ids(it["links"], "target") },
                    "observed" to groups.flatMap { ids(it["indicators"]) },
                    "groups" to groups.map { g -> listOfNotNull(g["category"], g["group"] ?: g["sector"]).joinToString("/") },
                    "topics" to ids(conversation["topics"]),
                    "minor_tips" to conversation["minor_tips"].list().isNotEmpty(),
                    "rights_info" to ids(conversation["rights_info"]),
                )
            }
            "duties" -> {
                val plan = json(
                    lykt.dutiesJson(
                        DutiesQuery(
                            case["role"].str(), case["minor"].str(), flag(case, "immediate_danger"), flag(case, "health_emergency"),
                            flag(case, "severe_violence"), flag(case, "significant_proceeds"), case["adult_consents"] as Boolean?,
                            unix(case["at"].str()),
                        ),
                    ),
                ).obj()
                val steps = plan["steps"].list().map { it.obj() }
                mapOf(
                    "steps" to ids(steps),
                    "obligations" to steps.associate { it["id"] to it["obligation"] },
                    "contact_status" to steps.flatMap { it["contacts"].list().map { c -> c.obj() } }.associate { it["id"] to it["status"] },
                    "first_action_uri" to steps.mapNotNull { s ->
                        s["contacts"].list().firstOrNull()?.obj()?.get("actions")?.list()?.firstOrNull()?.obj()?.let { s["id"] to it["uri"] }
                    }.toMap(),
                    "links" to steps.mapNotNull { s -> s["link"]?.obj()?.let { s["id"] to it["target"] } }.toMap(),
                )
            }
            "rights" -> {
                val statuses = (case["statuses"] as Map<*, *>?)?.map { (k, v) -> k.str() to v.str() }?.toMap() ?: emptyMap()
                val view = json(lykt.rightsJson(case["minor"].str(), case["no_residence_permit"] as Boolean, statuses)).obj()
                val rights = view["rights"].list().map { it.obj() }
                val progress = view["progress"].obj()
                mapOf(
                    "rights" to ids(rights),
                    "older" to rights.filter { it["older"] == true }.map { it["id"] },
                    "progress" to listOf(progress["done"], progress["total"]),
                    "status" to rights.associate { it["id"] to it["status"] },
                )
            }
            else -> error("unknown op ${case["op"]}")
        }
    }
}

package no.lykt.tests

import java.io.File
import java.time.Instant
import no.lykt.core.LyktException

/** Where the shared scenario files live (set by scripts/test-kotlin.sh). */
val scenarioRoot: File = File(System.getProperty("lykt.scenarios") ?: "tests/scenarios")

/** Every scenario file in a folder, parsed, in name order. */
fun scenarios(dir: String): List<Pair<String, Map<String, Any?>>> {
    val files = File(scenarioRoot, dir).listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }
        ?: error("no scenario folder $dir under $scenarioRoot")
    check(files.isNotEmpty()) { "no scenarios in $dir" }
    return files.map { it.name to Json.parse(it.readText()).obj() }
}

/** Seconds since the epoch of an RFC 3339 instant. */
fun unix(rfc3339: String): Long = Instant.parse(rfc3339).epochSecond

/**
 * The kind of an error, from its exception type, as the scenario files name it (the core's
 * ErrorKind codes): LyktException.UnknownScreen is unknown_screen. The message is never read.
 */
fun LyktException.code(): String =
    this::class.simpleName!!.replace(Regex("([a-z])([A-Z])"), "$1_$2").lowercase()

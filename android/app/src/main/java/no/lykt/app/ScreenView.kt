package no.lykt.app

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalLayoutDirection
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.LayoutDirection
import androidx.compose.ui.unit.dp
import no.lykt.core.Block
import no.lykt.core.Event
import no.lykt.core.NoticeLevel
import no.lykt.core.Screen
import no.lykt.core.StatusKind
import no.lykt.core.TextDirection

/** One generic renderer for every screen the core builds: no code per screen. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ScreenView(screen: Screen, send: (Event) -> Unit) {
    val direction = if (screen.direction == TextDirection.RTL) LayoutDirection.Rtl else LayoutDirection.Ltr
    CompositionLocalProvider(LocalLayoutDirection provides direction) {
        MaterialTheme {
            Scaffold(
                topBar = {
                    TopAppBar(
                        title = { Text(screen.title, modifier = Modifier.semantics { heading() }) },
                        navigationIcon = {
                            if (screen.backAvailable) TextButton(onClick = { send(Event.Back) }) { Text("‹") }
                        },
                        actions = {
                            screen.quickExit?.let { exit ->
                                Button(
                                    onClick = { send(Event.QuickExit) },
                                    colors = ButtonDefaults.buttonColors(containerColor = Color(0xFFB3261E)),
                                    modifier = Modifier.semantics { contentDescription = exit.accessibilityLabel },
                                ) { Text(exit.label) }
                            }
                        },
                    )
                },
            ) { padding ->
                LazyColumn(
                    modifier = Modifier.padding(padding).padding(horizontal = 16.dp),
                    verticalArrangement = Arrangement.spacedBy(8.dp),
                ) {
                    screen.quickExit?.progress?.let { progress -> item { Text(progress) } }
                    items(screen.blocks) { block -> BlockView(block, send) }
                }
            }
        }
    }
}

@Composable
private fun BlockView(block: Block, send: (Event) -> Unit) {
    when (block) {
        is Block.Heading -> Text(
            block.text,
            style = MaterialTheme.typography.titleMedium,
            modifier = Modifier.padding(top = 12.dp).semantics { heading() },
        )
        is Block.Paragraph -> Text(block.text)
        is Block.BulletList -> Column { block.items.forEach { Text("• $it") } }
        is Block.Action -> Button(
            onClick = { send(Event.Act(block.action.id)) },
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = block.action.accessibilityLabel },
        ) { Text(block.action.label) }
        is Block.Status -> Text(
            (if (block.state == StatusKind.OPEN || block.state == StatusKind.ALWAYS_OPEN) "● " else "○ ") + block.text,
        )
        is Block.Notice -> Card(
            colors = CardDefaults.cardColors(
                containerColor = when (block.level) {
                    NoticeLevel.URGENT -> Color(0xFFF9DEDC)
                    NoticeLevel.CAUTION -> Color(0xFFFFF3CD)
                    NoticeLevel.INFO -> Color(0xFFE8F0FE)
                },
            ),
        ) { Text(block.text, modifier = Modifier.padding(12.dp)) }
        is Block.Choice -> Column {
            Text(block.prompt, style = MaterialTheme.typography.titleSmall)
            block.options.forEach { option ->
                OutlinedButton(
                    onClick = { send(Event.Choose(block.id, option.id)) },
                    modifier = Modifier.fillMaxWidth(),
                ) { Text((if (option.selected) "✓ " else "") + option.label) }
            }
        }
        is Block.ChecklistItem -> ChecklistItemView(block, send)
        is Block.Link -> ListItem(
            headlineContent = { Text(block.label) },
            supportingContent = block.detail?.let { detail -> { Text(detail) } },
            modifier = Modifier.clickable { send(Event.Open(block.target)) },
        )
    }
}

@Composable
private fun ChecklistItemView(item: Block.ChecklistItem, send: (Event) -> Unit) {
    var expanded by remember { mutableStateOf(false) }
    Column {
        Text(item.text)
        item.detail?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        Row {
            FilterChip(selected = true, onClick = { expanded = true }, label = { Text(item.statusLabel) })
            DropdownMenu(expanded = expanded, onDismissRequest = { expanded = false }) {
                item.options.forEach { option ->
                    DropdownMenuItem(
                        text = { Text(option.label) },
                        onClick = {
                            expanded = false
                            send(Event.SetStatus(item.id, option.id))
                        },
                    )
                }
            }
        }
    }
}

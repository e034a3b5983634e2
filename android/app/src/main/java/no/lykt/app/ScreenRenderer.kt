package no.lykt.app

import android.app.Activity
import android.content.res.ColorStateList
import android.text.Editable
import android.text.InputType
import android.text.SpannableString
import android.text.SpannableStringBuilder
import android.text.Spanned
import android.text.TextWatcher
import android.text.style.ForegroundColorSpan
import android.text.style.LocaleSpan
import android.text.style.RelativeSizeSpan
import android.view.Gravity
import android.view.View
import android.view.ViewGroup.LayoutParams.MATCH_PARENT
import android.view.ViewGroup.LayoutParams.WRAP_CONTENT
import android.view.accessibility.AccessibilityManager
import android.view.accessibility.AccessibilityNodeInfo
import android.view.inputmethod.EditorInfo
import android.widget.Button
import android.widget.EditText
import android.widget.FrameLayout
import android.widget.LinearLayout
import android.widget.ProgressBar
import android.widget.RadioButton
import android.widget.RadioGroup
import android.widget.ScrollView
import android.widget.TextView
import no.lykt.app.shell.Display
import no.lykt.app.shell.Shell
import no.lykt.core.Action
import no.lykt.core.Block
import no.lykt.core.ChoiceOption
import no.lykt.core.Event
import no.lykt.core.InputKind
import no.lykt.core.NoticeLevel
import no.lykt.core.Screen
import no.lykt.core.StatusKind
import no.lykt.core.TextDirection
import java.util.Locale

/**
 * The one generic renderer: every screen the core builds, drawn with the platform's own widgets
 * (no screen has code of its own). A fixed header holds the title, Back and the quick exit, so
 * leaving is always in reach; the blocks scroll below it. Text sizes come from the platform's
 * text appearances, so they follow the person's font size; every target is at least 48 dp.
 */
class ScreenRenderer(
    private val activity: Activity,
    private val shell: Shell,
) {
    private val header = column().apply { setPadding(dp(16), dp(8), dp(16), dp(8)) }
    private val blocks = column().apply { setPadding(dp(16), 0, dp(16), dp(24)) }
    private val scroll =
        ScrollView(activity).apply {
            id = R.id.screen_scroll
            addView(blocks)
        }
    private val busy =
        column().apply {
            setGravity(Gravity.CENTER)
            isClickable = true
            visibility = View.GONE
            setBackgroundColor(activity.getColor(R.color.busy_veil))
            addView(ProgressBar(activity))
            addView(text(activity.getString(R.string.busy), android.R.style.TextAppearance_Material_Subhead))
        }

    /** The window's content: the header above the scrolling blocks, which the busy veil covers. */
    val root: View =
        column().apply {
            // The system bars' space comes off as padding, even where the window is edge to edge.
            fitsSystemWindows = true
            addView(header)
            addView(
                FrameLayout(activity).apply {
                    addView(scroll, FrameLayout.LayoutParams(MATCH_PARENT, MATCH_PARENT))
                    addView(busy, FrameLayout.LayoutParams(MATCH_PARENT, MATCH_PARENT))
                },
                LinearLayout.LayoutParams(MATCH_PARENT, 0, 1f),
            )
        }

    private var shownScreen: String? = null
    private var lastTouched: String? = null

    /** The screen's text fields, kept across redraws so typing, the cursor and the keyboard stay. */
    private val fields = HashMap<String, EditText>()

    /** Draws [display]. */
    fun render(display: Display) {
        header.removeAllViews()
        blocks.removeAllViews()
        when (display) {
            Display.Blank -> shownScreen = null
            is Display.Core -> screen(display.screen)
            is Display.Failure -> failure(display.detail)
        }
    }

    /** Shows or hides the busy veil over the blocks (the header stays usable). */
    fun busy(shown: Boolean) {
        busy.visibility = if (shown) View.VISIBLE else View.GONE
    }

    private fun screen(screen: Screen) {
        root.layoutDirection = viewDirection(screen.direction)
        val back =
            if (screen.backAvailable) {
                borderless(screen.backLabel, "back") { shell.back() }.apply {
                    contentDescription = screen.backAccessibilityLabel
                }
            } else {
                null
            }
        if (screen.id != shownScreen) fields.clear()
        val leave = screen.quickExit?.let { exit -> leaveButton(exit.label, exit.accessibilityLabel) }
        val title = headerRow(screen.title, back, leave)
        screen.quickExit?.let { exit ->
            header.addView(text(exit.hint, android.R.style.TextAppearance_Material_Caption))
            exit.progress?.let { header.addView(text(it, android.R.style.TextAppearance_Material_Body2)) }
        }
        screen.blocks.forEachIndexed { index, block -> blocks.addView(block(block, "b$index"), spaced()) }

        // A new screen starts at its top with the screen reader on its title; the same screen
        // redrawn (a status set, a question answered) keeps its place and the focus.
        if (screen.id != shownScreen) {
            scroll.scrollTo(0, 0)
            lastTouched = null
            focusForScreenReader(title)
        } else {
            lastTouched?.let { root.findViewWithTag(it) }?.let(::focusForScreenReader)
        }
        shownScreen = screen.id
    }

    private fun failure(detail: String?) {
        root.layoutDirection = View.LAYOUT_DIRECTION_LOCALE
        val leave = leaveButton(activity.getString(R.string.leave_now), activity.getString(R.string.leave_now))
        focusForScreenReader(headerRow(activity.getString(R.string.error_title), null, leave))
        blocks.addView(text(activity.getString(R.string.error_text), BODY), spaced())
        detail?.let { blocks.addView(text(it, BODY), spaced()) }
        blocks.addView(colored(activity.getString(R.string.back_to_start), "restart") { shell.restart() }, spaced())
        shownScreen = null
    }

    /** One branch per kind of block: a new kind in the core does not compile until it is drawn. */
    private fun block(
        block: Block,
        key: String,
    ): View =
        when (block) {
            is Block.Heading -> heading(block.text, android.R.style.TextAppearance_Material_Title)
            is Block.Paragraph -> text(block.text, BODY)
            is Block.BulletList -> column(block.items.map { text("•\u00a0$it", BODY) })
            is Block.Action -> action(block.action, key)
            is Block.Status -> status(block.state, block.text)
            is Block.Notice -> notice(block.level, block.text)
            is Block.Choice -> question(block, key)
            is Block.ChecklistItem -> checklistItem(block, key)
            is Block.Card -> card(block)
            is Block.Button -> press(block, key)
            is Block.TextInput -> textInput(block)
            is Block.Link -> link(block.label, block.detail, key) { shell.send(Event.Open(block.target)) }
        }

    /**
     * A text field as the core describes it: every kind without suggestions or keyboard learning,
     * a PIN hidden and kept from autofill, a note on several lines. Each change goes to the core
     * whole; the submit button and the keyboard's action send it.
     */
    private fun textInput(block: Block.TextInput): View {
        val edit =
            fields.getOrPut(block.id) {
                EditText(activity).apply {
                    setText(block.value)
                    inputType =
                        when (block.kind) {
                            InputKind.PIN -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_PASSWORD
                            InputKind.NOTE -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_MULTI_LINE
                            InputKind.TEXT, InputKind.SEARCH -> InputType.TYPE_CLASS_TEXT
                        } or InputType.TYPE_TEXT_FLAG_NO_SUGGESTIONS
                    imeOptions = EditorInfo.IME_ACTION_DONE or NO_PERSONALIZED_LEARNING
                    Newer.keepFromAutofill(this)
                    minHeight = dp(48)
                    addTextChangedListener(
                        object : TextWatcher {
                            override fun beforeTextChanged(
                                s: CharSequence?,
                                start: Int,
                                count: Int,
                                after: Int,
                            ) = Unit

                            override fun onTextChanged(
                                s: CharSequence?,
                                start: Int,
                                before: Int,
                                count: Int,
                            ) = Unit

                            override fun afterTextChanged(s: Editable?) {
                                shell.type(Event.Input(block.id, s.toString()))
                            }
                        },
                    )
                    setOnEditorActionListener { view, _, _ ->
                        shell.type(Event.Submit(block.id, view.text.toString()))
                        true
                    }
                    if (block.focus) post { requestFocus() }
                }
            }
        (edit.parent as? android.view.ViewGroup)?.removeView(edit)
        edit.contentDescription = block.label
        val parts = mutableListOf<View>(text(block.label, SUBHEAD), edit)
        block.hint?.let { parts += text(it, android.R.style.TextAppearance_Material_Caption) }
        block.error?.let { parts += text(it, BODY).apply { setTextColor(activity.getColor(R.color.quick_exit)) } }
        block.submitLabel?.let { label ->
            parts += colored(label, "submit.${block.id}") { shell.type(Event.Submit(block.id, edit.text.toString())) }
        }
        return column(parts)
    }

    /**
     * A sentence to show a person: large, in its own language and direction (an Arabic card reads
     * from the right on a screen that does not), with the Norwegian under it for the professional.
     * Each part is marked with its language, for the fonts and for the screen reader's voice.
     */
    private fun card(card: Block.Card): View {
        val sentence = inLanguage(card.text, Locale.forLanguageTag(card.language), card.direction, DISPLAY)
        val norwegian = inLanguage(card.norwegian, NORWEGIAN, TextDirection.LTR, SUBHEAD)
        return column(listOf(sentence, norwegian)).apply { setPadding(0, dp(8), 0, dp(8)) }
    }

    private fun inLanguage(
        line: String,
        locale: Locale,
        direction: TextDirection,
        appearance: Int,
    ): TextView {
        val marked = SpannableString(line)
        marked.setSpan(LocaleSpan(locale), 0, marked.length, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE)
        return text(marked, appearance).apply {
            textLocale = locale
            layoutDirection = viewDirection(direction)
            textDirection =
                when (direction) {
                    TextDirection.LTR -> View.TEXT_DIRECTION_LTR
                    TextDirection.RTL -> View.TEXT_DIRECTION_RTL
                }
            textAlignment = View.TEXT_ALIGNMENT_VIEW_START
        }
    }

    private fun press(
        block: Block.Button,
        key: String,
    ): View =
        button(android.R.style.Widget_Material_Button, block.label, key) { shell.send(Event.Press(block.id)) }.apply {
            contentDescription = block.accessibilityLabel
        }

    private fun action(
        action: Action,
        key: String,
    ): View =
        colored(action.label, key) { shell.send(Event.Act(action.id)) }.apply {
            contentDescription = action.accessibilityLabel
        }

    private fun question(
        question: Block.Choice,
        key: String,
    ): View {
        val answers = options(question.options, key) { shell.send(Event.Choose(question.id, it)) }
        return column(listOf(heading(question.prompt, SUBHEAD), answers))
    }

    private fun checklistItem(
        item: Block.ChecklistItem,
        key: String,
    ): View {
        val statuses = options(item.options, key) { shell.send(Event.SetStatus(item.id, it)) }
        return column(listOfNotNull(text(item.text, SUBHEAD), item.detail?.let { text(it, BODY) }, statuses))
    }

    private fun headerRow(
        title: String,
        back: View?,
        leave: View?,
    ): TextView {
        val heading = heading(title, android.R.style.TextAppearance_Material_Title)
        val row =
            LinearLayout(activity).apply {
                setGravity(Gravity.CENTER_VERTICAL)
                back?.let(::addView)
                addView(heading, LinearLayout.LayoutParams(0, WRAP_CONTENT, 1f))
                leave?.let(::addView)
            }
        header.addView(row)
        return heading
    }

    private fun status(
        state: StatusKind,
        line: String,
    ): View {
        // Each state its own mark, so that "not stated" never looks like "closed"; the words
        // say it all, so the screen reader hears only the words.
        val mark =
            when (state) {
                StatusKind.OPEN -> "●"
                StatusKind.ALWAYS_OPEN -> "◉"
                StatusKind.CLOSED -> "○"
                StatusKind.NOT_STATED -> "◌"
                StatusKind.HOLIDAY -> "◐"
                StatusKind.INFO -> "›"
            }
        val open = state == StatusKind.OPEN || state == StatusKind.ALWAYS_OPEN
        val shown = SpannableStringBuilder(mark)
        if (open) {
            shown.setSpan(
                ForegroundColorSpan(activity.getColor(R.color.status_open)),
                0,
                1,
                Spanned.SPAN_EXCLUSIVE_EXCLUSIVE,
            )
        }
        shown.append('\u00a0').append(line)
        return text(shown, BODY).apply { contentDescription = line }
    }

    private fun notice(
        level: NoticeLevel,
        line: String,
    ): View =
        text(line, BODY).apply {
            setPadding(dp(12), dp(12), dp(12), dp(12))
            setBackgroundColor(
                activity.getColor(
                    when (level) {
                        NoticeLevel.INFO -> R.color.notice_info
                        NoticeLevel.CAUTION -> R.color.notice_caution
                        NoticeLevel.URGENT -> R.color.notice_urgent
                    },
                ),
            )
        }

    /** The answers to a question or the statuses of a checklist item, as radio buttons. */
    private fun options(
        options: List<ChoiceOption>,
        key: String,
        choose: (String) -> Unit,
    ): View =
        RadioGroup(activity).apply {
            options.forEachIndexed { index, option ->
                addView(
                    RadioButton(activity).apply {
                        id = View.generateViewId()
                        text = option.label
                        isChecked = option.selected
                        minHeight = dp(48)
                        touched("$key.$index") { choose(option.id) }
                    },
                )
            }
        }

    private fun link(
        label: String,
        detail: String?,
        key: String,
        open: () -> Unit,
    ): View {
        val shown = SpannableStringBuilder(label)
        detail?.let {
            val start = shown.length + 1
            shown.append('\n').append(it)
            shown.setSpan(RelativeSizeSpan(SMALLER), start, shown.length, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE)
        }
        return borderless(shown, key, open).apply { gravity = Gravity.START or Gravity.CENTER_VERTICAL }
    }

    private fun leaveButton(
        label: String,
        spoken: String,
    ): View =
        button(android.R.style.Widget_Material_Button, label, "leave") { shell.quickExit() }.apply {
            contentDescription = spoken
            backgroundTintList = ColorStateList.valueOf(activity.getColor(R.color.quick_exit))
            setTextColor(activity.getColor(R.color.quick_exit_text))
        }

    private fun colored(
        label: CharSequence,
        key: String,
        press: () -> Unit,
    ): Button = button(android.R.style.Widget_Material_Button_Colored, label, key, press)

    private fun borderless(
        label: CharSequence,
        key: String,
        press: () -> Unit,
    ): Button = button(android.R.style.Widget_Material_Button_Borderless, label, key, press)

    private fun button(
        style: Int,
        label: CharSequence,
        key: String,
        press: () -> Unit,
    ): Button =
        Button(activity, null, 0, style).apply {
            text = label
            setAllCaps(false)
            minHeight = dp(48)
            touched(key, press)
        }

    /** Sends on a tap and remembers which widget it was, to give it the focus back after redrawing. */
    private fun View.touched(
        key: String,
        press: () -> Unit,
    ) {
        tag = key
        setOnClickListener {
            lastTouched = key
            press()
        }
    }

    private fun heading(
        line: String,
        appearance: Int,
    ): TextView = text(line, appearance).also(Newer::markHeading)

    private fun text(
        line: CharSequence,
        appearance: Int,
    ): TextView =
        TextView(activity).apply {
            text = line
            setTextAppearance(appearance)
        }

    private fun column(children: List<View> = emptyList()) =
        LinearLayout(activity).apply {
            orientation = LinearLayout.VERTICAL
            children.forEach(::addView)
        }

    private fun spaced() = LinearLayout.LayoutParams(MATCH_PARENT, WRAP_CONTENT).apply { topMargin = dp(12) }

    private fun focusForScreenReader(view: View) {
        val manager = activity.getSystemService(AccessibilityManager::class.java)
        if (manager?.isEnabled == true) {
            view.post { view.performAccessibilityAction(AccessibilityNodeInfo.ACTION_ACCESSIBILITY_FOCUS, null) }
        }
    }

    private fun viewDirection(direction: TextDirection) =
        when (direction) {
            TextDirection.LTR -> View.LAYOUT_DIRECTION_LTR
            TextDirection.RTL -> View.LAYOUT_DIRECTION_RTL
        }

    private fun dp(value: Int) = (value * activity.resources.displayMetrics.density + 0.5f).toInt()

    private companion object {
        const val BODY = android.R.style.TextAppearance_Material_Body1
        const val SUBHEAD = android.R.style.TextAppearance_Material_Subhead
        const val DISPLAY = android.R.style.TextAppearance_Material_Display1
        val NORWEGIAN: Locale = Locale.forLanguageTag("nb")
        const val SMALLER = 0.85f

        /** EditorInfo.IME_FLAG_NO_PERSONALIZED_LEARNING (API 26), ignored by older keyboards. */
        const val NO_PERSONALIZED_LEARNING = 0x1000000
    }
}
